-- The database both services share; each owns its schema (created by its Flyway migrations).
CREATE DATABASE wellplan;
