package cn.sc.countyeconomy.assessment.client;

import cn.sc.countyeconomy.api.client.OutgoingCallHeaders;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The two calls the scorecard makes to the sibling services. Package-private: use {@link CountyContext}. */
final class CountyContextApi {

    private CountyContextApi() {
    }

    @RegisterRestClient(configKey = "assistance-service")
    @RegisterProvider(OutgoingCallHeaders.class)
    @Path("/api/v1")
    @Produces(MediaType.APPLICATION_JSON)
    interface Assistance {

        @GET
        @Path("/counties/{code}/effectiveness")
        JsonNode effectiveness(@PathParam("code") String code, @QueryParam("year") int year);
    }

    @RegisterRestClient(configKey = "reform-pilot-service")
    @RegisterProvider(OutgoingCallHeaders.class)
    @Path("/api/v1")
    @Produces(MediaType.APPLICATION_JSON)
    interface ReformPilots {

        @GET
        @Path("/counties/{code}/pilots")
        JsonNode pilots(@PathParam("code") String code);
    }
}
