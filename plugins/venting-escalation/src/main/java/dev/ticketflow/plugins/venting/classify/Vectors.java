package dev.ticketflow.plugins.venting.classify;

/** The little vector arithmetic the embedding components need. */
final class Vectors {

    static float[] unit(float[] vector) {
        double sum = 0;
        for (float value : vector) {
            sum += value * value;
        }
        double norm = Math.sqrt(sum);
        float[] result = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            result[i] = norm == 0 ? 0 : (float) (vector[i] / norm);
        }
        return result;
    }

    static double dot(float[] a, float[] b) {
        return dot(a, b, 0, a.length);
    }

    /**
     * The dot product of {@code a} and the {@code length} values of {@code b} from {@code offset}.
     * Four running sums: the JIT does not reorder floating-point additions, and one chain of
     * dependent additions would leave most of the core idle.
     */
    static double dot(float[] a, float[] b, int offset, int length) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int i = 0;
        for (; i + 3 < length; i += 4) {
            s0 += a[i] * b[offset + i];
            s1 += a[i + 1] * b[offset + i + 1];
            s2 += a[i + 2] * b[offset + i + 2];
            s3 += a[i + 3] * b[offset + i + 3];
        }
        for (; i < length; i++) {
            s0 += a[i] * b[offset + i];
        }
        return (double) s0 + s1 + s2 + s3;
    }

    private Vectors() {}
}
