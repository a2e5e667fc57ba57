package dev.ticketflow.plugins.venting.classify;

/**
 * What the model sees of a span of text: a dense unit vector (the meaning of its words) and the
 * hashed buckets of its word pieces and pairs of neighbouring pieces (the exact wording), each
 * bucket present with the same value.
 *
 * @param dense the unit-length, IDF-weighted mean of the span's token vectors
 * @param buckets the distinct buckets present, ascending
 * @param bucketValue the value of every present bucket
 */
record Features(float[] dense, int[] buckets, float bucketValue) {}
