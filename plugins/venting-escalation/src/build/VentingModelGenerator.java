import dev.ticketflow.plugins.venting.classify.ExampleModel;
import dev.ticketflow.plugins.venting.classify.LabelledExample;
import dev.ticketflow.plugins.venting.classify.TokenVectors;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Build step: fits the venting classifier's {@link ExampleModel} to the shipped examples over
 * the packaged token vectors (both already in the class output directory) and writes it there,
 * so the plugin reads a fitted model at start instead of fitting for seconds. Always fits (a few
 * seconds, deterministic): the fit's code is part of what the model depends on. Run by Maven
 * with the test class path: {@code java -cp <classpath> VentingModelGenerator.java <output file>}.
 */
public final class VentingModelGenerator {

    public static void main(String[] args) throws Exception {
        Path output = Path.of(args[0]);
        TokenVectors vectors = TokenVectors.packaged();
        List<LabelledExample> examples = LabelledExample.defaults();
        ExampleModel.FitSettings settings = ExampleModel.FitSettings.DEFAULTS;
        long started = System.nanoTime();
        ExampleModel model = ExampleModel.fit(vectors, examples, settings);
        Path partial = output.resolveSibling(output.getFileName() + ".partial");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial))) {
            model.write(out);
        }
        Files.move(partial, output, StandardCopyOption.REPLACE_EXISTING);
        System.out.printf("venting model: %d examples fitted in %d ms -> %s%n", examples.size(),
                (System.nanoTime() - started) / 1_000_000, output);
    }

    private VentingModelGenerator() {}
}
