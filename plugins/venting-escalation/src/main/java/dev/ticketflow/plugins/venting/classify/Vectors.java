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
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private Vectors() {}
}
