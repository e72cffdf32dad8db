package cn.sc.countyeconomy.registry.client;

import cn.sc.countyeconomy.api.client.OutgoingCallHeaders;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The registry's HTTP API. Package-private: callers use {@link CountyRegistry}. */
@RegisterRestClient(configKey = "county-registry")
@RegisterProvider(OutgoingCallHeaders.class)
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface RegistryApi {

    @GET
    @Path("/counties/{code}")
    RegistryCounty county(@PathParam("code") String code, @QueryParam("asOf") String asOf);

    @GET
    @Path("/counties")
    RegistryPage<RegistryCounty> counties(@QueryParam("asOf") String asOf, @QueryParam("page") int page,
            @QueryParam("size") int size);

    @GET
    @Path("/counties.geojson")
    @Produces({"application/geo+json", MediaType.APPLICATION_JSON})
    String shapes(@QueryParam("asOf") String asOf);

    @GET
    @Path("/category-assignments")
    RegistryPage<RegistryCategoryAssignment> categoryAssignments(@QueryParam("year") int year,
            @QueryParam("page") int page,
            @QueryParam("size") int size);

    @GET
    @Path("/designations")
    RegistryPage<RegistryDesignation> designations(@QueryParam("type") String type, @QueryParam("asOf") String asOf,
            @QueryParam("county") String county, @QueryParam("source") String source,
            @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/category-assignments")
    RegistryPage<CopiedCategoryAssignment> allCategoryAssignments(@QueryParam("includeEnded") boolean includeEnded,
            @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/designations")
    RegistryPage<RegistryDesignation> allDesignations(@QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/county-versions")
    RegistryPage<RegistryCountyVersion> countyVersions(@QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/division-changes")
    RegistryPage<RegistryDivisionChange> divisionChanges(@QueryParam("sort") String sort, @QueryParam("page") int page,
            @QueryParam("size") int size);

    @GET
    @Path("/changes")
    RegistryFeedPage changes(@QueryParam("after") long after, @QueryParam("limit") int limit);

    @GET
    @Path("/designations/{id}")
    RegistryDesignation designation(@PathParam("id") long id);

    @POST
    @Path("/designations")
    RegistryDesignation addDesignation(@HeaderParam("Idempotency-Key") String idempotencyKey, NewDesignation body);

    @POST
    @Path("/designations/{id}/end")
    RegistryDesignation endDesignation(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
            DesignationEnd body);
}
