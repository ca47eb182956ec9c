-- AI costs are charged exactly as priced from the provider's reported usage. A short call costs millionths of a
-- dollar (20 input tokens at 0.15 USD per million is 0.000003 USD), below the 4 decimals usage had, which made every
-- call round up to 0.0001 USD. Ten decimals hold tokens x a price per million given to 4 decimals exactly.
ALTER TABLE tenants.tenants
    ALTER COLUMN ai_usage_current TYPE numeric(20, 10);

ALTER TABLE ai.ai_requests
    ALTER COLUMN reserved_usd TYPE numeric(20, 10),
    ALTER COLUMN cost_usd TYPE numeric(20, 10);
