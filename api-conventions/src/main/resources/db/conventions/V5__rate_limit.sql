-- Rate limits (package ratelimit), shared by every replica of a service: the admitted calls of each limit and caller
-- while they are inside the limit's window (a sliding log). A call is admitted when fewer than the limit's calls of
-- this caller lie in the window that ends now; decisions for one caller are serialised by a transaction-scoped
-- advisory lock on (limit, caller).
CREATE TABLE api_rate_limit_call (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    limit_name TEXT        NOT NULL,
    caller     TEXT        NOT NULL,
    called_at  TIMESTAMPTZ NOT NULL,
    -- when the call leaves the window (called_at + the window when it was admitted): deleted from then on
    expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX api_rate_limit_call_caller ON api_rate_limit_call (limit_name, caller, called_at);
CREATE INDEX api_rate_limit_call_expires ON api_rate_limit_call (expires_at);
