package cn.sc.countyeconomy.assessment.scoring;

import cn.sc.countyeconomy.assessment.scoring.Model.*;

import java.util.*;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Uncertainty analysis as COINr 1.1.14's {@code get_sensitivity(SA_type = "UA")} does it, per
 * category (each category is one coin), with R's random numbers so that R gives the same sample
 * for the same seed. For each category, in the order of the category codes, from one generator
 * ({@link RRandom}, {@code set.seed(seed)} once):
 * <ol>
 * <li>{@code get_noisy_weights(w, noise_specs, Nrep = N)}: N weight sets; in each, for each
 * level in {@code noiseLevels} (1 = the indicators within their area, 2 = the areas within the
 * index), every weight w of that level becomes w + (2u - 1) · factor · w. The aggregation rescales
 * the weights within each parent, so a level's noise never moves another level's weights.</li>
 * <li>{@code runif(d * N)}: the sample, one column per uncertain input in the order weights,
 * normalisation, imputation, treatment (those with alternatives), each value mapped to an
 * alternative with equal probability as {@code sample_2_para} does ({@code cut(x, n_alt)}).
 * Repeating an alternative in the list gives it a larger probability.</li>
 * </ol>
 * Every draw is made before the replications run, so the result does not depend on the number of
 * threads. A replication that COINr could not regenerate (a_gmean of a value <= 0) ranks no one.
 * Per county: nominal rank, and over the replications in which it was ranked the median rank and
 * the 5% and 95% quantiles (R type 7), as COINr's {@code RankStats}.
 */
public final class Sensitivity {

    private Sensitivity() {
    }

    /**
     * {@code treatments}: alternatives for outlier treatment (true = COINr's default Treat, false =
     * none), empty = as the scheme says; {@code noiseLevels}: the levels whose weights are perturbed.
     */
    public record Config(int replications, long seed, double weightPerturbation, List<Normalisation> normalisations,
            List<Imputation> imputations, List<Boolean> treatments, List<Integer> noiseLevels) {

        public Config(int replications, long seed, double weightPerturbation, List<Normalisation> normalisations,
                List<Imputation> imputations) {
            this(replications, seed, weightPerturbation, normalisations, imputations, List.of(), List.of(1, 2));
        }
    }

    public record CountyUncertainty(String countyCode, String category, Integer nominalRank, Double medianRank,
            Double rankP05, Double rankP95, int replicationsRanked) {
    }

    /** One choice of the non-weight inputs: indices into the alternatives (-1 = as the scheme says). */
    private record Choice(int normalisation, int imputation, int treatment) {
    }

    /** Null when cancelled. {@code progress} receives the number of replications done. */
    public static List<CountyUncertainty> run(Scheme scheme, List<CountyInput> inputs, Config config,
            IntConsumer progress, BooleanSupplier cancelled) {
        InputTable table = InputTable.of(inputs, InputTable.indicatorsOf(scheme));
        Result nominal = ScoringEngine.score(scheme, table, Map.of(), new ScoringEngine.Overrides(null, null, null, false));
        ScoringEngine.Frame f = new ScoringEngine.Frame(scheme);
        ScoringEngine.Prepared prepared = ScoringEngine.prepare(f, table, Map.of());
        int reps = config.replications();
        RRandom rng = new RRandom((int) config.seed());
        List<CategoryPlan> plans = new ArrayList<>();
        for (ScoringEngine.Category cat : prepared.categories()) {
            plans.add(new CategoryPlan(f, cat, config, rng));
        }
        // replications in parallel; each writes its own row, so the result is the same for any number of threads
        int[][][] ranks = new int[plans.size()][reps][];
        AtomicInteger done = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        ThreadLocal<Map<CategoryPlan, ScoringEngine.Workspace>> buffers = ThreadLocal.withInitial(HashMap::new);
        IntStream.range(0, reps).parallel().forEach(rep -> {
            if (stop.get() || cancelled.getAsBoolean()) {
                stop.set(true);
                return;
            }
            for (int c = 0; c < plans.size(); c++) {
                CategoryPlan plan = plans.get(c);
                ScoringEngine.Workspace ws = buffers.get().computeIfAbsent(plan, p -> new ScoringEngine.Workspace(p.cat.n, f.areas.length));
                ranks[c][rep] = plan.replicate(rep, ws);
            }
            int d = done.incrementAndGet();
            synchronized (progress) {
                progress.accept(d);
            }
        });
        if (stop.get()) {
            return null;
        }
        Map<String, CountyUncertainty> byCode = new HashMap<>();
        double[] sorted = new double[reps];
        for (int c = 0; c < plans.size(); c++) {
            CategoryPlan plan = plans.get(c);
            for (int i = 0; i < plan.cat.n; i++) {
                int m = 0;
                for (int r = 0; r < reps; r++) {
                    int rank = ranks[c][r][i];
                    if (rank > 0) {
                        sorted[m++] = rank;
                    }
                }
                Arrays.sort(sorted, 0, m);
                String code = plan.cat.codes[i];
                byCode.put(code, new CountyUncertainty(code, plan.cat.name, null,
                        m == 0 ? null : Statistics.quantileOfSorted(sorted, m, 0.5),
                        m == 0 ? null : Statistics.quantileOfSorted(sorted, m, 0.05),
                        m == 0 ? null : Statistics.quantileOfSorted(sorted, m, 0.95), m));
            }
        }
        List<CountyUncertainty> out = new ArrayList<>();
        for (CountyResult c : nominal.counties()) {
            CountyUncertainty u = byCode.get(c.countyCode());
            out.add(u == null
                    ? new CountyUncertainty(c.countyCode(), c.category(), c.rank(), null, null, null, 0)
                    : new CountyUncertainty(u.countyCode(), u.category(), c.rank(), u.medianRank(), u.rankP05(), u.rankP95(),
                            u.replicationsRanked()));
        }
        return out;
    }

    /** One category's draws, its normalised data per choice, and its fixed red-line outcomes. */
    private static final class CategoryPlan {

        final ScoringEngine.Frame f;
        final ScoringEngine.Category cat;
        final double[][] indicatorWeights;
        final double[][] areaWeights;
        final int[] weightSet;
        final Choice[] choice;
        final Map<Choice, double[][]> normalised = new HashMap<>();
        final Status[] status;
        final double[] cap;

        CategoryPlan(ScoringEngine.Frame f, ScoringEngine.Category cat, Config config, RRandom rng) {
            this.f = f;
            this.cat = cat;
            int reps = config.replications();
            double[] iw = f.indicatorWeights(cat.name);
            double[] aw = f.areaWeights(iw);
            boolean noisy = config.weightPerturbation() > 0 && !config.noiseLevels().isEmpty();
            // get_noisy_weights(w, noise_specs, Nrep = reps)
            indicatorWeights = new double[noisy ? reps : 1][];
            areaWeights = new double[noisy ? reps : 1][];
            if (!noisy) {
                indicatorWeights[0] = iw;
                areaWeights[0] = aw;
            } else {
                double factor = config.weightPerturbation();
                for (int r = 0; r < reps; r++) {
                    double[] w1 = iw.clone();
                    double[] w2 = aw.clone();
                    for (int level : config.noiseLevels()) {
                        double[] w = level == 1 ? w1 : level == 2 ? w2 : null;
                        if (w == null) {
                            throw new IllegalArgumentException("noise level " + level + ": only 1 (indicators) and 2 (areas) have weights to perturb");
                        }
                        for (int j = 0; j < w.length; j++) {
                            w[j] = w[j] + (rng.nextUniform() * 2 - 1) * factor * w[j];
                        }
                    }
                    indicatorWeights[r] = w1;
                    areaWeights[r] = w2;
                }
            }
            // get_sensitivity: runif(d * N), column-major, one column per uncertain input
            List<Integer> alternatives = new ArrayList<>();
            if (noisy) {
                alternatives.add(reps);
            }
            int nNorm = config.normalisations().size();
            int nImp = config.imputations().size();
            int nTreat = config.treatments().size();
            for (int a : new int[]{nNorm, nImp, nTreat}) {
                if (a > 0) {
                    alternatives.add(a);
                }
            }
            int d = alternatives.size();
            double[][] sample = new double[d][reps];
            for (int col = 0; col < d; col++) {
                for (int r = 0; r < reps; r++) {
                    sample[col][r] = rng.nextUniform();
                }
            }
            int[][] picked = new int[d][];
            for (int col = 0; col < d; col++) {
                picked[col] = cut(sample[col], alternatives.get(col));
            }
            int col = 0;
            weightSet = noisy ? picked[col++] : new int[reps];
            int[] norm = nNorm > 0 ? picked[col++] : null;
            int[] imp = nImp > 0 ? picked[col++] : null;
            int[] treat = nTreat > 0 ? picked[col++] : null;
            choice = new Choice[reps];
            for (int r = 0; r < reps; r++) {
                choice[r] = new Choice(norm == null ? -1 : norm[r], imp == null ? -1 : imp[r], treat == null ? -1 : treat[r]);
            }
            // the normalised data of each choice that occurs, computed once (the weights only enter the aggregation)
            ScoringEngine.Workspace ws = new ScoringEngine.Workspace(cat.n, f.areas.length);
            for (Choice c : new LinkedHashSet<>(Arrays.asList(choice))) {
                ScoringEngine.Overrides o = new ScoringEngine.Overrides(c.normalisation < 0 ? null : config.normalisations().get(c.normalisation),
                        c.imputation < 0 ? null : config.imputations().get(c.imputation), c.treatment < 0 ? null : config.treatments().get(c.treatment),
                        false);
                ScoringEngine.Columns cols = new ScoringEngine.Columns(f.k, cat.n);
                ScoringEngine.prepareColumns(f, cat, o, ws, cols, null);
                normalised.put(c, cols.normalised);
            }
            status = new Status[cat.n];
            cap = new double[cat.n];
            for (int i = 0; i < cat.n; i++) {
                ScoringEngine.RedLines rl = cat.redLines(f.scheme, i);
                status[i] = rl.disqualified() ? Status.DISQUALIFIED : Status.SCORED;
                cap[i] = rl.cap() == null ? Double.POSITIVE_INFINITY : rl.cap();
            }
        }

        /** The ranks (0 = unranked) of replication r. */
        int[] replicate(int r, ScoringEngine.Workspace ws) {
            int n = cat.n;
            try {
                ScoringEngine.aggregate(f, n, normalised.get(choice[r]), indicatorWeights[weightSet[r]], areaWeights[weightSet[r]], ws);
            } catch (ScoringEngine.ScoringException e) {
                return new int[n]; // COINr: "Regen failed", the replication's scores are NA
            }
            double[] overall = ws.overall;
            for (int i = 0; i < n; i++) {
                if (overall[i] > cap[i]) {
                    overall[i] = cap[i];
                }
            }
            return ScoringEngine.rank(status, overall, n, ws);
        }
    }

    /**
     * R's {@code cut(x, n_alt, 1:n_alt)} as {@code sample_2_para} uses it: n_alt equal intervals
     * over the sample's own range, the outer breaks moved out by range/1000, right-closed; returns
     * 0-based alternatives.
     */
    static int[] cut(double[] x, int nAlt) {
        int n = x.length;
        int[] out = new int[n];
        if (nAlt == 1) {
            return out;
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        int nb = nAlt + 1;
        double dx = hi - lo;
        double[] breaks;
        if (dx == 0) {
            dx = lo != 0 ? Math.abs(lo) : 1;
            breaks = seq(lo - dx / 1000, hi + dx / 1000, nb);
        } else {
            breaks = seq(lo, hi, nb);
            breaks[0] = lo - dx / 1000;
            breaks[nb - 1] = hi + dx / 1000;
        }
        for (int i = 0; i < n; i++) {
            // .bincode(right = TRUE): the interval (b[k], b[k+1]] holding x
            int a = 0;
            int b = nb - 1;
            while (b - a >= 2) {
                int mid = (a + b) >>> 1;
                if (x[i] > breaks[mid]) {
                    a = mid;
                } else {
                    b = mid;
                }
            }
            out[i] = a;
        }
        return out;
    }

    /** R 4.2's {@code seq.int(from, to, length.out = n)}: from + i (to - from)/(n - 1) (checked in R: identical). */
    private static double[] seq(double from, double to, int n) {
        double[] s = new double[n];
        double by = (to - from) / (n - 1);
        for (int i = 0; i < n; i++) {
            s[i] = from + i * by;
        }
        return s;
    }
}
