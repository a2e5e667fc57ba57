package dev.ticketflow.platform.http;

import dev.ticketflow.platform.PlatformException;

/** Fails a route with a specific problem; {@link Problem#handleFailure} answers it. */
public final class ProblemException extends PlatformException {

    private static final long serialVersionUID = 1L;

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.toJson().getString("detail"));
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
