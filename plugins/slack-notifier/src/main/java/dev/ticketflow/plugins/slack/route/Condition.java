package dev.ticketflow.plugins.slack.route;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.CelType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.Map;

/**
 * A route's condition in CEL (Common Expression Language), e.g.
 * {@code data.category == 'product_feedback'} or {@code 'vip' in ticket.tags}.
 *
 * <p>CEL rather than a scripting language: it is side-effect free, always terminates, reaches no
 * Java class, and is type-checked at compile time against the declared variables, so a typo
 * such as {@code tickt.tags} stops the plugin at start instead of silently never matching.
 * Variables: {@code id}, {@code type}, {@code occurredAt}, {@code source} (strings) and
 * {@code ticket}, {@code comment}, {@code rating}, {@code changes}, {@code data} (maps), as
 * {@link EventView} builds them. Thread-safe.
 */
public final class Condition {

    private static final CelType MAP = MapType.create(SimpleType.STRING, SimpleType.DYN);
    private static final CelCompiler COMPILER = CelCompilerFactory.standardCelCompilerBuilder()
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .addVar("id", SimpleType.STRING)
            .addVar("type", SimpleType.STRING)
            .addVar("occurredAt", SimpleType.STRING)
            .addVar("source", SimpleType.STRING)
            .addVar("ticket", MAP)
            .addVar("comment", MAP)
            .addVar("rating", MAP)
            .addVar("changes", MAP)
            .addVar("data", MAP)
            .setResultType(SimpleType.BOOL)
            .build();
    private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().build();

    private static final Condition ALWAYS = new Condition("true", null);

    private final String expression;
    private final CelRuntime.Program program;

    private Condition(String expression, CelRuntime.Program program) {
        this.expression = expression;
        this.program = program;
    }

    /**
     * Compiles a condition.
     *
     * @param route the route's name, for the error
     * @param expression the CEL expression, or {@code null}/blank for "always"
     * @return the condition
     * @throws RouteException when it does not parse or type-check as a boolean
     */
    public static Condition compile(String route, String expression) {
        if (expression == null || expression.isBlank()) {
            return ALWAYS;
        }
        try {
            CelAbstractSyntaxTree ast = COMPILER.compile(expression).getAst();
            return new Condition(expression, RUNTIME.createProgram(ast));
        } catch (CelValidationException | CelEvaluationException e) {
            throw new RouteException(route, "condition does not compile: " + e.getMessage(), e);
        }
    }

    /**
     * Evaluates the condition.
     *
     * @param view the event's view
     * @return whether the route applies
     * @throws IllegalStateException when evaluation fails (for example a missing map key
     *     without {@code has(...)}) or the result is not a boolean
     */
    public boolean test(Map<String, Object> view) {
        if (program == null) {
            return true;
        }
        Object result;
        try {
            result = program.eval(view);
        } catch (CelEvaluationException e) {
            throw new IllegalStateException("condition '" + expression + "' failed: " + e.getMessage(), e);
        }
        if (result instanceof Boolean matched) {
            return matched;
        }
        throw new IllegalStateException("condition '" + expression + "' gave " + result + ", not true or false");
    }

    @Override
    public String toString() {
        return expression;
    }
}
