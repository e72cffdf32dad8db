package cn.sc.countyeconomy.assessment.scoring;

import cn.sc.countyeconomy.assessment.scoring.Model.*;
import org.apache.commons.math3.random.Well19937c;

import java.util.*;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * COINr-style uncertainty analysis of a ranking by Monte Carlo. Each replication draws, from one
 * seeded generator (Well19937c) in a fixed order, (1) a multiplier U(1 - p, 1 + p) for every weight
 * of every category (categories and indicators in sorted / scheme order), renormalised so that each
 * category's weights again sum to 1; (2) one normalisation method from the alternatives, applied to
 * every indicator that can use it; (3) one imputation method from the alternatives. The run is then
 * recomputed and each county's rank in its category recorded. All draws are made first, in that
 * order, so that the replications can run in parallel and still give the same result for a seed. Per county: the median rank and the
 * 5% and 95% quantiles (R type 7) over the replications in which it was ranked.
 */
public final class Sensitivity {

    private Sensitivity() {
    }

    public record Config(int replications, long seed, double weightPerturbation,
            List<Normalisation> normalisations, List<Imputation> imputations) {
    }

    public record CountyUncertainty(String countyCode, String category, Integer nominalRank, Double medianRank,
            Double rankP05, Double rankP95, int replicationsRanked) {
    }

    /** Null when cancelled. {@code progress} receives the number of replications done. */
    public static List<CountyUncertainty> run(Scheme scheme, List<CountyInput> inputs, Config config,
            IntConsumer progress, BooleanSupplier cancelled) {
        Result nominal = ScoringEngine.score(scheme, inputs, Map.of());
        List<String> codes = new ArrayList<>(new TreeSet<>(nominal.counties().stream().map(CountyResult::countyCode).toList()));
        // all random draws first, in a fixed order from one generator; the replications can then be
        // computed in parallel without changing the result
        Draws draws = draw(scheme, config);
        int[][] rankOf = replicate(inputs, draws, codes, progress, cancelled);
        if (rankOf == null) {
            return null;
        }
        Map<String, double[]> ranks = new TreeMap<>();
        Map<String, Integer> counts = new HashMap<>();
        for (CountyResult r : nominal.counties()) {
            ranks.put(r.countyCode(), new double[config.replications()]);
            counts.put(r.countyCode(), 0);
        }
        for (int[] row : rankOf) {
            for (int i = 0; i < codes.size(); i++) {
                if (row[i] > 0) {
                    String code = codes.get(i);
                    int n = counts.merge(code, 1, Integer::sum) - 1;
                    ranks.get(code)[n] = row[i];
                }
            }
        }
        List<CountyUncertainty> out = new ArrayList<>();
        for (CountyResult c : nominal.counties()) {
            int m = counts.get(c.countyCode());
            double[] x = Arrays.copyOf(ranks.get(c.countyCode()), m);
            out.add(new CountyUncertainty(c.countyCode(), c.category(), c.rank(),
                    m == 0 ? null : Statistics.median(x), m == 0 ? null : Statistics.quantile(x, 5),
                    m == 0 ? null : Statistics.quantile(x, 95), m));
        }
        return out;
    }

    /** The scheme and the overrides of each replication. */
    private record Draws(Scheme[] schemes, ScoringEngine.Overrides[] overrides) {
    }

    /** Every replication's draws, from one generator: its weights, then its normalisation, then its imputation. */
    private static Draws draw(Scheme scheme, Config config) {
        Well19937c rng = new Well19937c(config.seed());
        List<String> categories = new ArrayList<>(new TreeSet<>(scheme.weights().keySet()));
        int reps = config.replications();
        Scheme[] schemes = new Scheme[reps];
        ScoringEngine.Overrides[] overrides = new ScoringEngine.Overrides[reps];
        for (int rep = 0; rep < reps; rep++) {
            Map<String, Map<String, Double>> weights = new LinkedHashMap<>();
            for (String cat : categories) {
                weights.put(cat, perturbed(scheme, scheme.weights().get(cat), config.weightPerturbation(), rng));
            }
            Normalisation norm = config.normalisations().isEmpty()
                    ? null
                    : config.normalisations().get(rng.nextInt(config.normalisations().size()));
            Imputation imp = config.imputations().isEmpty()
                    ? null
                    : config.imputations().get(rng.nextInt(config.imputations().size()));
            schemes[rep] = new Scheme(scheme.indicators(), weights, scheme.aggregation(), scheme.minDataShare(),
                    scheme.redLines(), List.of());
            overrides[rep] = new ScoringEngine.Overrides(norm, imp, false);
        }
        return new Draws(schemes, overrides);
    }

    /** A category's weights, each multiplied by U(1 - p, 1 + p) in the scheme's indicator order, renormalised to sum to 1. */
    private static Map<String, Double> perturbed(Scheme scheme, Map<String, Double> base, double p, Well19937c rng) {
        Map<String, Double> w = new LinkedHashMap<>();
        double sum = 0;
        for (IndicatorSpec s : scheme.indicators()) {
            double b = base.getOrDefault(s.code(), 0.0);
            double u = rng.nextDouble();
            double v = b * (1 + p * (2 * u - 1));
            w.put(s.code(), v);
            sum += v;
        }
        for (Map.Entry<String, Double> e : w.entrySet()) {
            e.setValue(sum == 0 ? 0 : e.getValue() / sum);
        }
        return w;
    }

    /** Each replication's rank per county (in the order of {@code codes}; 0 when unranked), in parallel; null when cancelled. */
    private static int[][] replicate(List<CountyInput> inputs, Draws draws, List<String> codes, IntConsumer progress,
            BooleanSupplier cancelled) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < codes.size(); i++) {
            index.put(codes.get(i), i);
        }
        int reps = draws.schemes().length;
        int[][] rankOf = new int[reps][];
        AtomicInteger done = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        IntStream.range(0, reps).parallel().forEach(rep -> {
            if (stop.get() || cancelled.getAsBoolean()) {
                stop.set(true);
                return;
            }
            Result r = ScoringEngine.score(draws.schemes()[rep], inputs, Map.of(), draws.overrides()[rep]);
            int[] row = new int[codes.size()];
            for (CountyResult c : r.counties()) {
                row[index.get(c.countyCode())] = c.rank() == null ? 0 : c.rank();
            }
            rankOf[rep] = row;
            int d = done.incrementAndGet();
            synchronized (progress) {
                progress.accept(d);
            }
        });
        return stop.get() ? null : rankOf;
    }
}
