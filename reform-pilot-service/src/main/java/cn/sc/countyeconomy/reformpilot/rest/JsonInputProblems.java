package cn.sc.countyeconomy.reformpilot.rest;

import cn.sc.countyeconomy.api.problem.ProblemMappers;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * quarkus-rest-jackson maps MismatchedInputException (e.g. an unknown enum value such as
 * {"to":"FINISHED"}) with a built-in mapper that answers plain application/json; being more specific
 * than the shared module's JsonProcessingException mapper, it wins. This hands such errors back to the
 * shared problem mapper. Belongs in api-conventions (reported there); harmless once it is.
 */
public class JsonInputProblems {

    private final ProblemMappers problems = new ProblemMappers();

    @ServerExceptionMapper(priority = 1)
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return problems.json(e, uri);
    }
}
