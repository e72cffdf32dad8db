package cn.sc.countyeconomy.api.client;

import cn.sc.countyeconomy.api.request.RequestIds;
import cn.sc.countyeconomy.api.security.Caller;
import io.smallrye.jwt.build.Jwt;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Register on every REST client that calls another service of the suite
 * ({@code @RegisterProvider(OutgoingCallHeaders.class)}): passes the request id on and
 * authenticates as this service, with a 5-minute token signed with the service's own key
 * ({@code smallrye.jwt.sign.key.location}, {@code API_SERVICE_SIGNING_KEY}) under its name as kid, subject
 * {@code service:<name>}, for the services it calls ({@code api.service-identity.audience}). It claims no roles:
 * the receiving service grants them ({@code api.trusted-services."<name>".roles}).
 */
public class OutgoingCallHeaders implements ClientRequestFilter {

    private static final Duration LIFETIME = Duration.ofMinutes(5);
    private static volatile String token;
    private static volatile Instant renewAt = Instant.EPOCH;

    @Override
    public void filter(ClientRequestContext request) {
        String id = RequestIds.current();
        if (id != null) {
            request.getHeaders().putSingle(RequestIds.HEADER, id);
        }
        if (!request.getHeaders().containsKey(HttpHeaders.AUTHORIZATION)) {
            request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + serviceToken());
        }
    }

    /**
     * The service's own token, renewed before it expires. Its times are the machine's real time, not
     * the injected {@code Clock}: the receiving service checks {@code exp} against real time, so a
     * token dated by a fixed test clock would be refused.
     */
    static String serviceToken() {
        Instant now = Instant.now();
        String t = token;
        if (t != null && now.isBefore(renewAt)) {
            return t;
        }
        synchronized (OutgoingCallHeaders.class) {
            if (token != null && Instant.now().isBefore(renewAt)) {
                return token;
            }
            var config = ConfigProvider.getConfig();
            String name = config.getOptionalValue("quarkus.application.name", String.class).orElse("service");
            String issuer = config.getOptionalValue("mp.jwt.verify.issuer", String.class).orElse("sc-county-economy");
            List<String> audience = config.getOptionalValues("api.service-identity.audience", String.class).orElse(List.of());
            long issued = Instant.now().getEpochSecond();
            token = Jwt.issuer(issuer).subject(Caller.SERVICE_PREFIX + name).upn(Caller.SERVICE_PREFIX + name)
                    .audience(Set.copyOf(audience)).issuedAt(issued).expiresAt(issued + LIFETIME.toSeconds()).jws().keyId(name)
                    .sign();
            renewAt = Instant.now().plus(LIFETIME.minusMinutes(2));
            return token;
        }
    }
}
