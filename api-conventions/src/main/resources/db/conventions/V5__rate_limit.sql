-- Rate limits (package ratelimit), shared by every replica of a service: one counter per limit, caller and window.
-- A limit of N per window W admits a call when the sliding-window estimate (the previous window's count weighted
-- by the part of it still inside the last W, plus the current window's count) stays within N.
CREATE TABLE api_rate_limit_window (
    limit_name   TEXT        NOT NULL,
    caller       TEXT        NOT NULL,
    window_start TIMESTAMPTZ NOT NULL,
    hits         INTEGER     NOT NULL CHECK (hits >= 0),
    -- when the counter no longer matters (the end of the window after it): deleted from then on
    expires_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (limit_name, caller, window_start)
);
CREATE INDEX api_rate_limit_window_expires ON api_rate_limit_window (expires_at);
