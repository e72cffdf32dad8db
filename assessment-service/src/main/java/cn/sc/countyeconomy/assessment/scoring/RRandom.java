package cn.sc.countyeconomy.assessment.scoring;

/**
 * R's default uniform generator, so that an uncertainty analysis can be reproduced in R with the
 * same seed: {@code set.seed(seed)} (RNG kind "Mersenne-Twister": 50 rounds of the LCG
 * seed = 69069 seed + 1 to scramble, then 625 more to fill mti and the 624 words of state) and
 * {@code runif(n)} (MT19937 with R's tempering and the factor 2.3283064365386963e-10, values
 * kept strictly inside (0, 1)). Checked against R 4.2 in the tests: set.seed(42); runif(3).
 */
public final class RRandom {

    private static final int N = 624;
    private static final int M = 397;
    private static final int MATRIX_A = 0x9908b0df;
    private static final int UPPER_MASK = 0x80000000;
    private static final int LOWER_MASK = 0x7fffffff;

    private final int[] mt = new int[N];
    private int mti;

    public RRandom(int seed) {
        for (int j = 0; j < 50; j++) {
            seed = 69069 * seed + 1;
        }
        // R's i_seed[0] is mti (set to N by FixupSeeds), i_seed[1..624] the state
        seed = 69069 * seed + 1;
        for (int j = 0; j < N; j++) {
            seed = 69069 * seed + 1;
            mt[j] = seed;
        }
        mti = N;
    }

    /** R's {@code unif_rand()} (and {@code runif(1)}). */
    public double nextUniform() {
        double u;
        do {
            u = fixup(genrand());
        } while (u <= 0 || u >= 1);
        return u;
    }

    private static double fixup(double x) {
        final double i2_32m1 = 2.328306437080797e-10;
        if (x <= 0.0) {
            return 0.5 * i2_32m1;
        }
        if (1.0 - x <= 0.0) {
            return 1.0 - 0.5 * i2_32m1;
        }
        return x;
    }

    private double genrand() {
        int y;
        if (mti >= N) {
            int kk;
            for (kk = 0; kk < N - M; kk++) {
                y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
                mt[kk] = mt[kk + M] ^ (y >>> 1) ^ ((y & 1) != 0 ? MATRIX_A : 0);
            }
            for (; kk < N - 1; kk++) {
                y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
                mt[kk] = mt[kk + (M - N)] ^ (y >>> 1) ^ ((y & 1) != 0 ? MATRIX_A : 0);
            }
            y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
            mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ ((y & 1) != 0 ? MATRIX_A : 0);
            mti = 0;
        }
        y = mt[mti++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return Integer.toUnsignedLong(y) * 2.3283064365386963e-10;
    }
}
