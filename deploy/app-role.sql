-- The role the portal connects as in production: it reads and writes rows, and changes no
-- table. Migrations run as the role that owns the tables (DATABASE_URL naming it, once per
-- upgrade); gunicorn, cron and the shell then use the app role. Run as the owner, once:
--
--   createuser -h HOST -U postgres medborgarloften_app          (as a superuser; a password or
--                                                               a certificate as you choose)
--   psql "$OWNER_DATABASE_URL" -v app_role=medborgarloften_app -f deploy/app-role.sql
--
-- Tables a later migration creates get the same privileges (ALTER DEFAULT PRIVILEGES: for
-- what the owner running this creates). Nothing else is granted: no CREATE on the schema,
-- no TRUNCATE, no REFERENCES or TRIGGER, no ownership, so the app's role cannot drop, alter or
-- empty a table, nor create one.

\set ON_ERROR_STOP on

GRANT CONNECT, TEMPORARY ON DATABASE :"DBNAME" TO :"app_role";
GRANT USAGE ON SCHEMA public TO :"app_role";
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO :"app_role";
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO :"app_role";
ALTER DEFAULT PRIVILEGES IN SCHEMA public
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO :"app_role";
ALTER DEFAULT PRIVILEGES IN SCHEMA public
    GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO :"app_role";
