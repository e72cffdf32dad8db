package cn.sc.countyeconomy.assistance.rest;

import cn.sc.countyeconomy.api.problem.ProblemMappers;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A body field of the wrong type (e.g. "amount":"abc") must be a problem+json 400 naming the field.
 * Quarkus REST registers its own mapper for Jackson's MismatchedInputException, which is more
 * specific than the shared mapper's JsonProcessingException and answers plain JSON; this mapper,
 * registered first, hands such errors to the shared mapper. (Reported for api-conventions.)
 */
public class JsonInputProblems {

    private final ProblemMappers shared = new ProblemMappers();

    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return shared.json(e, uri);
    }
}
