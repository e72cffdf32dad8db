package cn.sc.countyeconomy.api.openapi;

import cn.sc.countyeconomy.api.security.AuthorizationRules;
import io.quarkus.arc.Arc;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes each operation's declared rule ({@link AuthorizationRules}) into the OpenAPI document, so that it is
 * what the authorization matrix tests read: {@code x-roles} (any of them suffices; every role implies reader,
 * admin implies editor) and {@code x-county-scope} ({@code none} for reads; {@code county} with where the county
 * comes from; {@code province-wide}: tokens without a counties claim only). The 401 and 403 answers say so.
 */
@OpenApiFilter(OpenApiFilter.RunStage.RUNTIME_PER_REQUEST)
public class AuthorizationOpenApiFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || Arc.container() == null) {
            return;
        }
        Map<String, AuthorizationRules.Rule> rules = Arc.container().instance(AuthorizationRules.class).get().rules();
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, op) -> {
            AuthorizationRules.Rule rule = rules.get(method.name() + " " + path);
            if (rule != null) {
                document(op, method, rule);
            }
        }));
    }

    private static void document(Operation op, PathItem.HttpMethod method, AuthorizationRules.Rule rule) {
        op.addExtension("x-roles", rule.roles());
        Map<String, Object> scope = new LinkedHashMap<>();
        scope.put("rule", rule.scope());
        scope.putAll(rule.from());
        op.addExtension("x-county-scope", scope);
        if (rule.roles().contains("*") || op.getResponses() == null) {
            return;
        }
        String who = "Roles: any of " + String.join(", ", rule.roles()) + ".";
        String where = switch (rule.scope()) {
            case "county" -> " A token with a counties claim must hold every county the operation touches (" + rule.from() + ").";
            case "province-wide" -> " A token with a counties claim is refused: the operation spans counties.";
            default -> "";
        };
        APIResponse forbidden = op.getResponses().getAPIResponse("403");
        if (forbidden == null) {
            forbidden = OASFactory.createAPIResponse();
            op.getResponses().addAPIResponse("403", forbidden);
        }
        forbidden.setDescription("The token's roles or counties do not allow this. " + who + where);
        if (op.getResponses().getAPIResponse("401") == null) {
            op.getResponses().addAPIResponse("401", OASFactory.createAPIResponse().description("No valid bearer token"));
        }
    }
}
