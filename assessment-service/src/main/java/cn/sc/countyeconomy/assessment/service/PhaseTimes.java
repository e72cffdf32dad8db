package cn.sc.countyeconomy.assessment.service;

/**
 * Where a request's time goes, phase by phase: logged by {@link DataService} for an import and {@link RunService} for
 * a run (INFO when large, else DEBUG).
 */
final class PhaseTimes {

    private final long start = System.nanoTime();
    private long last = start;
    private final StringBuilder phases = new StringBuilder();

    /** Ends the phase that ran since the last mark. */
    void mark(String phase) {
        long now = System.nanoTime();
        phases.append(phase).append(' ').append((now - last) / 1_000_000).append(" ms, ");
        last = now;
    }

    @Override
    public String toString() {
        return phases + "total " + (System.nanoTime() - start) / 1_000_000 + " ms";
    }
}
