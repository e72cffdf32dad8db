package cn.sc.countyeconomy.assessment.scoring;

import cn.sc.countyeconomy.assessment.scoring.Model.*;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.*;

/**
 * One scoring run: COINr 1.1.14's construction steps inside each category, framed by the
 * province's own steps (see the service README, "Scoring method").
 * <ol>
 * <li>Province: counties are split by their category; each category is scored as one COINr coin
 * (units sorted by code, indicators in the scheme's order).</li>
 * <li>COINr {@code Screen(unit_screen = "byNA", dat_thresh = minDataShare)}.</li>
 * <li>COINr {@code i_mean} / {@code i_median} per indicator over the screened units of the
 * category (what {@code Impute(f_i = "i_mean_grp", use_group = category)} gives), or none.</li>
 * <li>COINr {@code Treat()} default ({@link OutlierTreatment}) on indicators with
 * {@code treatOutliers}; the others as {@code indiv_specs = "none"}.</li>
 * <li>COINr {@code Normalise()} ({@link Normaliser}).</li>
 * <li>COINr {@code Aggregate(f_ag = "a_amean" | "a_gmean")} level by level: indicators to areas
 * with the indicator weights, areas to the index with each area's weight (the sum of its
 * indicators' weights in the category); missing values dropped and the remaining weights of that
 * group rescaled, as a_amean / a_gmean do.</li>
 * <li>Province: red lines on raw values (DISQUALIFY: no rank; CAP: min(score, cap)), then ranks of
 * the exact scores of the SCORED counties, ties as {@code rank(-x, ties.method = "min")}; rank
 * change and awards.</li>
 * </ol>
 * Everything works on primitive arrays per indicator column; a column is sorted at most once.
 */
public final class ScoringEngine {

    /**
     * The version of the scoring code, stored with every run: change it with any change that can
     * change a number.
     */
    public static final String CODE_VERSION = "2.1.0+coinr-1.1.14";

    /** Decimals kept when a result is stored or shown; ranks are taken on the exact scores. */
    public static final int SCALE = 6;

    private ScoringEngine() {
    }

    /** Options that a sensitivity replication overrides; null means "as the scheme says". */
    public record Overrides(Normalisation normalisation, Imputation imputation, Boolean treat, boolean detail) {

        public static final Overrides NONE = new Overrides(null, null, null, true);

        public Overrides(Normalisation normalisation, Imputation imputation) {
            this(normalisation, imputation, null, true);
        }
    }

    /** A computation COINr refuses too (e.g. a_gmean of a value <= 0); the run is not made. */
    public static final class ScoringException extends IllegalArgumentException {

        public ScoringException(String message) {
            super(message);
        }
    }

    public static Result score(Scheme scheme, List<CountyInput> inputs, Map<String, PreviousRank> previousRanks) {
        return score(scheme, inputs, previousRanks, Overrides.NONE);
    }

    public static Result score(Scheme scheme, List<CountyInput> inputs, Map<String, PreviousRank> previousRanks, Overrides overrides) {
        return score(scheme, InputTable.of(inputs, InputTable.indicatorsOf(scheme)), previousRanks, overrides);
    }

    public static Result score(Scheme scheme, InputTable inputs, Map<String, PreviousRank> previousRanks) {
        return score(scheme, inputs, previousRanks, Overrides.NONE);
    }

    /** A run on inputs already in columns (what the service reads from the database): no per-value map. */
    public static Result score(Scheme scheme, InputTable inputs, Map<String, PreviousRank> previousRanks, Overrides overrides) {
        Frame frame = new Frame(scheme);
        Prepared prepared = prepare(frame, inputs, previousRanks);
        List<CountyResult> results = new ArrayList<>(inputs.countyCodes().length);
        results.addAll(prepared.unscored);
        List<TreatmentLog> logs = new ArrayList<>();
        for (Category cat : prepared.categories) {
            results.addAll(scoreCategory(frame, cat, previousRanks, overrides, logs));
        }
        results.sort(ScoringEngine::byCategoryRankCode);
        return new Result(results, logs);
    }

    /** Category (none last), rank (unranked last), county code. */
    private static int byCategoryRankCode(CountyResult a, CountyResult b) {
        int c = (a.category() == null ? "~" : a.category()).compareTo(b.category() == null ? "~" : b.category());
        if (c != 0) {
            return c;
        }
        c = Integer.compare(a.rank() == null ? Integer.MAX_VALUE : a.rank(), b.rank() == null ? Integer.MAX_VALUE : b.rank());
        return c != 0 ? c : a.countyCode().compareTo(b.countyCode());
    }

    // ---------------------------------------------------------------- the scheme, compiled once

    /** The scheme as arrays: indicator j's direction, method, imputation, treatment, area. */
    static final class Frame {

        final Scheme scheme;
        final Parameters p;
        final int k;
        final IndicatorSpec[] spec;
        final String[] areas;
        final int[] areaOf;

        Frame(Scheme scheme) {
            this.scheme = scheme;
            this.p = scheme.parameters();
            this.k = scheme.indicators().size();
            this.spec = scheme.indicators().toArray(new IndicatorSpec[0]);
            List<String> a = new ArrayList<>();
            areaOf = new int[k];
            for (int j = 0; j < k; j++) {
                int idx = a.indexOf(spec[j].area());
                if (idx < 0) {
                    a.add(spec[j].area());
                    idx = a.size() - 1;
                }
                areaOf[j] = idx;
            }
            areas = a.toArray(new String[0]);
        }

        /** Level-1 weights of a category: indicator j's weight within its area. */
        double[] indicatorWeights(String category) {
            Map<String, Double> w = scheme.weights().get(category);
            double[] out = new double[k];
            for (int j = 0; j < k; j++) {
                out[j] = w.getOrDefault(spec[j].code(), 0.0);
            }
            return out;
        }

        /** Level-2 weights of a category: an area's weight in the index is the sum of its indicators' weights. */
        double[] areaWeights(double[] indicatorWeights) {
            double[] out = new double[areas.length];
            for (int j = 0; j < k; j++) {
                out[areaOf[j]] += indicatorWeights[j];
            }
            return out;
        }
    }

    // ---------------------------------------------------------------- screening (COINr Screen byNA)

    /**
     * One category's screened counties (sorted by code, as rows of the input table) and their raw
     * values, column by column (NaN = missing).
     */
    static final class Category {

        final String name;
        final InputTable table;
        final int[] rows;
        final String[] codes;
        final int n;
        final double[][] raw;
        final double[] dataShare;
        final int[] redLineColumns;

        Category(String name, InputTable table, int[] rows, int[] columns, double[] shareOfRow, int[] redLineColumns, Frame f) {
            this.name = name;
            this.table = table;
            this.rows = rows;
            this.n = rows.length;
            this.redLineColumns = redLineColumns;
            codes = new String[n];
            dataShare = new double[n];
            for (int a = 0; a < n; a++) {
                codes[a] = table.countyCodes()[rows[a]];
                dataShare[a] = shareOfRow[rows[a]];
            }
            raw = new double[f.k][n];
            for (int j = 0; j < f.k; j++) {
                double[] out = raw[j];
                if (columns[j] < 0) {
                    Arrays.fill(out, Double.NaN);
                    continue;
                }
                double[] in = table.values()[columns[j]];
                for (int a = 0; a < n; a++) {
                    out[a] = in[rows[a]];
                }
            }
        }

        RedLines redLines(Scheme scheme, int a) {
            return ScoringEngine.redLines(scheme, table, redLineColumns, rows[a]);
        }
    }

    /** The categories to score and the counties that are not scored at all. */
    record Prepared(List<Category> categories, List<CountyResult> unscored) {
    }

    static Prepared prepare(Frame f, InputTable t, Map<String, PreviousRank> previousRanks) {
        int rowsIn = t.countyCodes().length;
        int[] columns = new int[f.k];
        for (int j = 0; j < f.k; j++) {
            columns[j] = t.column(f.spec[j].code());
        }
        int[] redLineColumns = new int[f.scheme.redLines().size()];
        for (int r = 0; r < redLineColumns.length; r++) {
            redLineColumns[r] = t.column(f.scheme.redLines().get(r).indicator());
        }
        // COINr's Dat_Avail: 1 - (number missing)/(number of indicators), counted column by column
        int[] missing = new int[rowsIn];
        for (int j = 0; j < f.k; j++) {
            if (columns[j] < 0) {
                for (int i = 0; i < rowsIn; i++) {
                    missing[i]++;
                }
                continue;
            }
            double[] col = t.values()[columns[j]];
            for (int i = 0; i < rowsIn; i++) {
                if (Double.isNaN(col[i])) {
                    missing[i]++;
                }
            }
        }
        double[] share = new double[rowsIn];
        for (int i = 0; i < rowsIn; i++) {
            share[i] = f.k == 0 ? 0 : 1 - (double) missing[i] / f.k;
        }
        int[] order = byCode(t.countyCodes());
        List<String> names = new ArrayList<>(new TreeSet<>(f.scheme.weights().keySet()));
        int[] catOf = new int[rowsIn];
        int[] count = new int[names.size()];
        List<CountyResult> unscored = new ArrayList<>();
        Map<String, Integer> catIndex = new HashMap<>();
        for (int c = 0; c < names.size(); c++) {
            catIndex.put(names.get(c), c);
        }
        for (int i : order) {
            String code = t.countyCodes()[i];
            String category = t.categories()[i];
            Integer c = category == null ? null : catIndex.get(category);
            catOf[i] = -1;
            if (c == null) {
                unscored.add(new CountyResult(code, category, Status.NO_CATEGORY, share[i], rawOnly(f, t, columns, i), Map.of(), null, null,
                        previousRank(previousRanks, code), null, List.of(), null, NOT_RANKED));
            } else if (share[i] < f.scheme.minDataShare()) {
                // COINr Screen: excluded when Dat_Avail < dat_thresh
                unscored.add(new CountyResult(code, category, Status.INSUFFICIENT_DATA, share[i], rawOnly(f, t, columns, i), Map.of(), null,
                        null, previousRank(previousRanks, code), null, redLines(f.scheme, t, redLineColumns, i).findings, null, NOT_RANKED));
            } else {
                catOf[i] = c;
                count[c]++;
            }
        }
        int[][] rowsOf = new int[names.size()][];
        for (int c = 0; c < rowsOf.length; c++) {
            rowsOf[c] = new int[count[c]];
            count[c] = 0;
        }
        for (int i : order) {
            if (catOf[i] >= 0) {
                rowsOf[catOf[i]][count[catOf[i]]++] = i;
            }
        }
        List<Category> categories = new ArrayList<>();
        for (int c = 0; c < rowsOf.length; c++) {
            if (rowsOf[c].length > 0) {
                categories.add(new Category(names.get(c), t, rowsOf[c], columns, share, redLineColumns, f));
            }
        }
        return new Prepared(categories, unscored);
    }

    /** Row numbers in county-code order (no sort when the rows already are, as the service reads them). */
    private static int[] byCode(String[] codes) {
        int n = codes.length;
        boolean sorted = true;
        for (int i = 1; i < n && sorted; i++) {
            sorted = codes[i - 1].compareTo(codes[i]) <= 0;
        }
        int[] order = new int[n];
        if (sorted) {
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            return order;
        }
        Integer[] boxed = new Integer[n];
        for (int i = 0; i < n; i++) {
            boxed[i] = i;
        }
        Arrays.sort(boxed, (a, b) -> codes[a].compareTo(codes[b]));
        for (int i = 0; i < n; i++) {
            order[i] = boxed[i];
        }
        return order;
    }

    // ---------------------------------------------------------------- imputation, treatment, normalisation

    /** Buffers of one computation, sized for the largest category and reused. */
    static final class Workspace {

        final double[] compact;
        final double[] work;
        final int[] index;
        final Normaliser.Workspace norm;
        final double[] weightSum;
        final double[][] areaScores;
        final double[] overall;
        final double[] rankKeys;
        final int[] rankIdx;
        final int[] ranks;

        Workspace(int n, int areas) {
            compact = new double[n];
            work = new double[n];
            index = new int[n];
            norm = new Normaliser.Workspace(n);
            weightSum = new double[n];
            areaScores = new double[areas][n];
            overall = new double[n];
            rankKeys = new double[n];
            rankIdx = new int[n];
            ranks = new int[n];
        }
    }

    /** Per column results kept for the run's detail. */
    static final class Columns {

        final double[][] treated;
        final double[][] normalised;
        final boolean[][] imputed;
        final Treatment[] treatment;

        Columns(int k, int n) {
            treated = new double[k][n];
            normalised = new double[k][n];
            imputed = new boolean[k][];
            treatment = new Treatment[k];
        }
    }

    static boolean usable(Normalisation method, IndicatorSpec spec) {
        return switch (method) {
            case DISTANCE_TO_TARGET -> spec.target() != null;
            case GOALPOSTS -> spec.lowerGoalpost() != null && spec.upperGoalpost() != null;
            default -> true;
        };
    }

    /**
     * Imputes, treats and normalises every column of a category into {@code cols}; treatments are
     * logged when {@code logs} is not null.
     */
    static void prepareColumns(Frame f, Category cat, Overrides o, Workspace ws, Columns cols, List<TreatmentLog> logs) {
        int n = cat.n;
        for (int j = 0; j < f.k; j++) {
            IndicatorSpec spec = f.spec[j];
            double[] raw = cat.raw[j];
            double[] treated = cols.treated[j];
            System.arraycopy(raw, 0, treated, 0, n);
            Imputation imp = o.imputation() != null ? o.imputation() : spec.imputation();
            cols.imputed[j] = impute(treated, n, imp, ws);
            int m = 0;
            for (int i = 0; i < n; i++) {
                if (!Double.isNaN(treated[i])) {
                    ws.index[m] = i;
                    ws.compact[m++] = treated[i];
                }
            }
            boolean treat = o.treat() != null ? o.treat() : spec.treatOutliers();
            Treatment t = Treatment.NONE;
            if (treat && m > 0) {
                OutlierTreatment.Outcome out = OutlierTreatment.treat(ws.compact, m, ws.work, f.p);
                t = out.treatment();
                if (t != Treatment.NONE && logs != null) {
                    logs.add(new TreatmentLog(cat.name, spec.code(), out.skewBefore(), out.kurtosisBefore(), t,
                            out.pointsWinsorised(), out.skewAfter(), out.kurtosisAfter()));
                }
                for (int a = 0; a < m; a++) {
                    treated[ws.index[a]] = ws.compact[a];
                }
            }
            cols.treatment[j] = t;
            Normalisation method = o.normalisation() != null && usable(o.normalisation(), spec) ? o.normalisation() : spec.normalisation();
            double[] normalised = cols.normalised[j];
            Arrays.fill(normalised, 0, n, Double.NaN);
            Normaliser.normalise(ws.compact, m, spec, method, f.p, ws.work, ws.norm);
            for (int a = 0; a < m; a++) {
                normalised[ws.index[a]] = ws.work[a];
            }
        }
    }

    /** COINr i_mean / i_median over the column's observed values; returns which entries were filled (null: none). */
    private static boolean[] impute(double[] x, int n, Imputation imp, Workspace ws) {
        if (imp == Imputation.NONE) {
            return null;
        }
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(x[i])) {
                ws.work[m++] = x[i];
            }
        }
        if (m == n || m == 0) {
            return null; // nothing to fill, or COINr's "all NAs - cannot impute"
        }
        double fill;
        if (imp == Imputation.CATEGORY_MEAN) {
            fill = Statistics.mean(ws.work, m);
        } else {
            Arrays.sort(ws.work, 0, m);
            fill = Statistics.medianOfSorted(ws.work, m);
        }
        boolean[] filled = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(x[i])) {
                x[i] = fill;
                filled[i] = true;
            }
        }
        return filled;
    }

    // ---------------------------------------------------------------- aggregation (a_amean / a_gmean, level by level)

    /**
     * Aggregates the normalised columns to area scores and to the index: {@code ws.areaScores} and
     * {@code ws.overall} (NaN where a county has nothing to aggregate).
     */
    static void aggregate(Frame f, int n, double[][] normalised, double[] indicatorWeights, double[] areaWeights,
            Workspace ws) {
        Aggregation ag = f.scheme.aggregation();
        for (int a = 0; a < f.areas.length; a++) {
            double[] score = ws.areaScores[a];
            double[] sw = ws.weightSum;
            Arrays.fill(sw, 0, n, 0);
            Arrays.fill(score, 0, n, 0);
            for (int j = 0; j < f.k; j++) {
                if (f.areaOf[j] != a) {
                    continue;
                }
                double w = indicatorWeights[j];
                double[] x = normalised[j];
                for (int i = 0; i < n; i++) {
                    if (!Double.isNaN(x[i])) {
                        sw[i] += w;
                    }
                }
            }
            for (int j = 0; j < f.k; j++) {
                if (f.areaOf[j] != a) {
                    continue;
                }
                accumulate(ag, normalised[j], indicatorWeights[j], sw, score, n, f.spec[j].code());
            }
            finish(ag, sw, score, n);
        }
        double[] sw = ws.weightSum;
        double[] overall = ws.overall;
        Arrays.fill(sw, 0, n, 0);
        Arrays.fill(overall, 0, n, 0);
        for (int a = 0; a < f.areas.length; a++) {
            double[] x = ws.areaScores[a];
            for (int i = 0; i < n; i++) {
                if (!Double.isNaN(x[i])) {
                    sw[i] += areaWeights[a];
                }
            }
        }
        for (int a = 0; a < f.areas.length; a++) {
            accumulate(ag, ws.areaScores[a], areaWeights[a], sw, overall, n, f.areas[a]);
        }
        finish(ag, sw, overall, n);
    }

    /**
     * a_amean: sum((w / sum(w)) x) over the non-missing x; a_gmean: sum(w log x) (divided by
     * sum(w) in {@link #finish}), refusing x <= 0 as COINr does.
     */
    private static void accumulate(Aggregation ag, double[] x, double w, double[] sw, double[] acc, int n, String what) {
        if (ag == Aggregation.ARITHMETIC) {
            for (int i = 0; i < n; i++) {
                double v = x[i];
                if (!Double.isNaN(v)) {
                    acc[i] += w / sw[i] * v;
                }
            }
        } else {
            for (int i = 0; i < n; i++) {
                double v = x[i];
                if (!Double.isNaN(v)) {
                    if (v <= 0) {
                        throw new ScoringException("geometric mean (COINr a_gmean) of a value <= 0 in " + what
                                + ": normalise to positive values first (e.g. minMaxLower = 1) or use ARITHMETIC");
                    }
                    acc[i] += w * Math.log(v);
                }
            }
        }
    }

    /** No weight observed in the group: NA, as a_amean / a_gmean give for no values (and R's 0/0 for zero weights). */
    private static void finish(Aggregation ag, double[] sw, double[] acc, int n) {
        for (int i = 0; i < n; i++) {
            if (sw[i] == 0) {
                acc[i] = Double.NaN;
            } else if (ag == Aggregation.GEOMETRIC) {
                acc[i] = Math.exp(acc[i] / sw[i]);
            }
        }
    }

    // ---------------------------------------------------------------- one category, with the province's steps

    private static List<CountyResult> scoreCategory(Frame f, Category cat, Map<String, PreviousRank> previousRanks, Overrides o,
            List<TreatmentLog> logs) {
        int n = cat.n;
        Workspace ws = new Workspace(n, f.areas.length);
        Columns cols = new Columns(f.k, n);
        prepareColumns(f, cat, o, ws, cols, logs);
        double[] iw = f.indicatorWeights(cat.name);
        double[] aw = f.areaWeights(iw);
        aggregate(f, n, cols.normalised, iw, aw, ws);
        double[] overall = ws.overall.clone();
        Status[] status = new Status[n];
        boolean[] underReview = new boolean[n];
        List<List<RedLineFinding>> findings = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            RedLines rl = cat.redLines(f.scheme, i);
            findings.add(rl.findings);
            underReview[i] = rl.review;
            status[i] = rl.disqualified ? Status.DISQUALIFIED : Status.SCORED;
            if (rl.cap != null && overall[i] > rl.cap) {
                overall[i] = rl.cap;
            }
        }
        int[] rank = rank(status, overall, n, ws);
        List<CountyResult> out = new ArrayList<>(n);
        Integer[] change = new Integer[n];
        String[] changeReason = new String[n];
        Integer[] rankOrNull = new Integer[n];
        Integer[] previous = new Integer[n];
        for (int i = 0; i < n; i++) {
            rankOrNull[i] = rank[i] == 0 ? null : rank[i];
            PreviousRank p = previousRanks.isEmpty() ? null : previousRanks.get(cat.codes[i]);
            previous[i] = p == null ? null : p.rank();
            changeReason[i] = rankOrNull[i] == null ? NOT_RANKED : p == null ? NO_PREVIOUS_RANK : !cat.name.equals(p.category()) ? CATEGORY_CHANGED : null;
            change[i] = changeReason[i] == null ? p.rank() - rankOrNull[i] : null;
        }
        String[] award = awards(f.scheme.awards(), rankOrNull, change, underReview);
        double[][] areaScores = new double[f.areas.length][];
        for (int a = 0; a < f.areas.length; a++) {
            areaScores[a] = Arrays.copyOf(ws.areaScores[a], n);
        }
        // in result order (rank, unranked last, then code = row order): a counting sort on the ranks
        int[] start = new int[n + 2];
        for (int i = 0; i < n; i++) {
            start[(rank[i] == 0 ? n + 1 : rank[i])]++;
        }
        for (int r = 1, sum = 0; r < start.length; r++) {
            int c = start[r];
            start[r] = sum;
            sum += c;
        }
        int[] at = new int[n];
        for (int i = 0; i < n; i++) {
            at[start[rank[i] == 0 ? n + 1 : rank[i]]++] = i;
        }
        for (int i : at) {
            out.add(new CountyResult(cat.codes[i], cat.name, status[i], cat.dataShare[i],
                    o.detail() ? new IndicatorRows(f, cat, cols, i) : List.of(), new AreaScores(f.areas, areaScores, i),
                    Double.isNaN(overall[i]) ? null : overall[i], rankOrNull[i], previous[i], change[i], findings.get(i), award[i],
                    changeReason[i]));
        }
        return out;
    }

    /** A county's area scores as a map view (areas in the scheme's order, missing ones left out) over the category's columns. */
    private static final class AreaScores extends AbstractMap<String, Double> {

        private final String[] areas;
        private final double[][] scores;
        private final int i;

        AreaScores(String[] areas, double[][] scores, int i) {
            this.areas = areas;
            this.scores = scores;
            this.i = i;
        }

        @Override
        public Set<Entry<String, Double>> entrySet() {
            return new AbstractSet<>() {

                @Override
                public Iterator<Entry<String, Double>> iterator() {
                    return new Iterator<>() {

                        int a = next(0);

                        private int next(int from) {
                            while (from < areas.length && Double.isNaN(scores[from][i])) {
                                from++;
                            }
                            return from;
                        }

                        @Override
                        public boolean hasNext() {
                            return a < areas.length;
                        }

                        @Override
                        public Entry<String, Double> next() {
                            if (a >= areas.length) {
                                throw new NoSuchElementException();
                            }
                            Entry<String, Double> e = new SimpleImmutableEntry<>(areas[a], scores[a][i]);
                            a = next(a + 1);
                            return e;
                        }
                    };
                }

                @Override
                public int size() {
                    int m = 0;
                    for (double[] s : scores) {
                        m += Double.isNaN(s[i]) ? 0 : 1;
                    }
                    return m;
                }
            };
        }
    }

    /**
     * Ranks (1 = best) of the SCORED counties with a score, on the exact scores, ties sharing the
     * best rank (R: {@code rank(-x, ties.method = "min")}); 0 for the others.
     */
    static int[] rank(Status[] status, double[] overall, int n, Workspace ws) {
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (status[i] == Status.SCORED && !Double.isNaN(overall[i])) {
                ws.index[m] = i;
                ws.compact[m++] = -overall[i];
            }
        }
        Statistics.minRanks(ws.compact, m, ws.rankKeys, ws.rankIdx, ws.ranks);
        int[] rank = new int[n];
        for (int a = 0; a < m; a++) {
            rank[ws.index[a]] = ws.ranks[a];
        }
        return rank;
    }

    /**
     * A county's indicator results as a list view over the category's columns: the objects are
     * made when the list is read (stored or compared), not while scoring.
     */
    private static final class IndicatorRows extends AbstractList<IndicatorResult> {

        private final Frame f;
        private final Category cat;
        private final Columns cols;
        private final int i;

        IndicatorRows(Frame f, Category cat, Columns cols, int i) {
            this.f = f;
            this.cat = cat;
            this.cols = cols;
            this.i = i;
        }

        @Override
        public IndicatorResult get(int j) {
            double raw = cat.raw[j][i];
            double t = cols.treated[j][i];
            double y = cols.normalised[j][i];
            return new IndicatorResult(f.spec[j].code(), f.spec[j].area(), Double.isNaN(raw) ? null : raw,
                    cols.imputed[j] != null && cols.imputed[j][i], Double.isNaN(t) ? null : t, Double.isNaN(y) ? null : y,
                    cols.treatment[j]);
        }

        @Override
        public int size() {
            return f.k;
        }
    }

    /** Why a county has no rank change: it has no rank this year. */
    public static final String NOT_RANKED = "NOT_RANKED";
    /** It was not ranked in the previous official run (or there is none). */
    public static final String NO_PREVIOUS_RANK = "NO_PREVIOUS_RANK";
    /** It was ranked in another category: places in two categories do not compare. */
    public static final String CATEGORY_CHANGED = "CATEGORY_CHANGED";

    private static Integer previousRank(Map<String, PreviousRank> previousRanks, String code) {
        PreviousRank p = previousRanks.get(code);
        return p == null ? null : p.rank();
    }

    /** The awards of a category; a county with a red line under review gets none (not reporting earns nothing). */
    static String[] awards(List<AwardRule> rules, Integer[] rank, Integer[] change, boolean[] underReview) {
        int n = rank.length;
        String[] award = new String[n];
        for (AwardRule rule : rules) {
            if (rule.type() == AwardRuleType.TOP_N_IN_CATEGORY) {
                for (int i = 0; i < n; i++) {
                    if (award[i] == null && !underReview[i] && rank[i] != null && rank[i] <= rule.n()) {
                        award[i] = rule.award();
                    }
                }
            } else {
                int min = Math.max(1, rule.minGain());
                List<Integer> candidates = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    if (award[i] == null && !underReview[i] && change[i] != null && change[i] >= min) {
                        candidates.add(i);
                    }
                }
                candidates.sort((a, b) -> Integer.compare(change[b], change[a]));
                if (!candidates.isEmpty() && rule.n() > 0) {
                    int boundary = change[candidates.get(Math.min(rule.n(), candidates.size()) - 1)];
                    for (int i : candidates) {
                        if (change[i] >= boundary) {
                            award[i] = rule.award();
                        }
                    }
                }
            }
        }
        return award;
    }

    record RedLines(List<RedLineFinding> findings, boolean disqualified, Double cap, boolean review) {
    }

    private static final RedLines NO_RED_LINES = new RedLines(List.of(), false, null, false);

    /** The red lines of row {@code row} of the table; {@code columns[r]}: the column of rule r's indicator (-1: none). */
    static RedLines redLines(Scheme scheme, InputTable t, int[] columns, int row) {
        if (scheme.redLines().isEmpty()) {
            return NO_RED_LINES;
        }
        List<RedLineFinding> findings = new ArrayList<>();
        boolean disqualified = false;
        boolean review = false;
        Double cap = null;
        for (int k = 0; k < columns.length; k++) {
            RedLineRule r = scheme.redLines().get(k);
            double x = columns[k] < 0 ? Double.NaN : t.values()[columns[k]][row];
            Double v = Double.isNaN(x) ? null : x;
            String outcome = v == null
                    ? missing(scheme.missingRedLineValue())
                    : r.operator() == RedLineOperator.AT_MOST
                            ? (v > r.threshold() ? FAILED : PASSED)
                            : (v < r.threshold() ? FAILED : PASSED);
            if (outcome.equals(FAILED) && r.consequence() == RedLineConsequence.DISQUALIFY) {
                disqualified = true;
            } else if (outcome.equals(FAILED) && r.cap() != null) {
                cap = cap == null ? r.cap() : Math.min(cap, r.cap());
            }
            review |= outcome.equals(REVIEW);
            String consequence = switch (outcome) {
                case FAILED -> r.consequence().name();
                case REVIEW -> REVIEW;
                default -> null;
            };
            findings.add(new RedLineFinding(r.code(), r.indicator(), v, r.threshold(), r.operator(), outcome, consequence, r.description()));
        }
        return new RedLines(findings, disqualified, cap, review);
    }

    /** Red-line outcomes: the value breaks the line (or is missing and the scheme counts that as failing), or not. */
    public static final String FAILED = "FAILED";
    public static final String PASSED = "PASSED";
    /** The value is missing and the scheme wants a review: scored and ranked, no award. */
    public static final String REVIEW = "REVIEW";
    /** The value is missing and the scheme ignores that. */
    public static final String NOT_EVALUATED = "NOT_EVALUATED";

    private static String missing(MissingRedLineValue policy) {
        return switch (policy) {
            case FAIL -> FAILED;
            case REVIEW -> REVIEW;
            case IGNORE -> NOT_EVALUATED;
        };
    }

    private static List<IndicatorResult> rawOnly(Frame f, InputTable t, int[] columns, int row) {
        List<IndicatorResult> out = new ArrayList<>();
        for (int j = 0; j < f.k; j++) {
            IndicatorSpec s = f.spec[j];
            double x = columns[j] < 0 ? Double.NaN : t.values()[columns[j]][row];
            out.add(new IndicatorResult(s.code(), s.area(), Double.isNaN(x) ? null : x, false, null, null, Treatment.NONE));
        }
        return out;
    }

    /** A value as stored and shown: {@value #SCALE} decimals, half-even. */
    public static double round(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return v;
        }
        return BigDecimal.valueOf(v).setScale(SCALE, RoundingMode.HALF_EVEN).doubleValue();
    }

    public static Double roundOrNull(Double v) {
        return v == null ? null : round(v);
    }
}
