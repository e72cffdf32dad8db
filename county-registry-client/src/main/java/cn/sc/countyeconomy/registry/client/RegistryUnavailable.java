package cn.sc.countyeconomy.registry.client;

import cn.sc.countyeconomy.api.problem.ApiException;

/** What a caller answers while the registry cannot be reached: 503 with Retry-After. */
final class RegistryUnavailable {

    private RegistryUnavailable() {
    }

    static ApiException problem(int retryAfterSeconds) {
        return ApiException.unavailable("county-registry-service cannot be reached, and this operation needs "
                + "its answer; nothing was written. Retry later.", retryAfterSeconds);
    }

    static ApiException notLoaded(int retryAfterSeconds) {
        return ApiException.unavailable("This service's copy of the county registry has not been loaded yet (county-registry-service "
                + "has not been reached since this service's database was created); nothing was written. Retry later.", retryAfterSeconds);
    }
}
