package dev.ticketflow.plugins.venting.classify;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Token vectors written by hand, in the packaged file's format, so every similarity is known. */
final class TinyVectors {

    /** Tokens and their vectors: normal words along x, venting along y, threat along z. */
    static TokenVectors of(Map<String, float[]> vectors) {
        Map<String, float[]> all = new LinkedHashMap<>();
        all.put("[UNK]", new float[] {0, 0, 0});
        all.putAll(vectors);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(0x54465456);
            out.writeInt(2);
            out.writeInt(all.size());
            out.writeInt(3);
            for (Map.Entry<String, float[]> token : all.entrySet()) {
                out.writeUTF(token.getKey());
                out.writeFloat(1f / 127);
                for (float value : token.getValue()) {
                    out.writeByte(Math.round(value * 127));
                }
            }
            return TokenVectors.read(new ByteArrayInputStream(bytes.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TinyVectors() {}
}
