-- One database per service, created on the first start of the compose PostgreSQL container
-- (mounted into /docker-entrypoint-initdb.d/, which runs only while the data volume is empty).
-- Each service owns its schema and runs its own Flyway migrations at start-up.
CREATE DATABASE collector;
CREATE DATABASE session;
CREATE DATABASE profile;
CREATE DATABASE perfume_stats;
CREATE DATABASE recommendation_feedback;
