-- Links accounts of an integrator's own system to SenChat users, for applications that embed SenChat behind their
-- own login. Such users have no user_credential row, so nobody can log in as them with a SenChat password.
CREATE TABLE external_identity (
  issuer      text        NOT NULL,
  external_id text        NOT NULL,
  user_id     bigint      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  created_at  timestamptz NOT NULL,
  PRIMARY KEY (issuer, external_id),
  CONSTRAINT external_identity_user_uq UNIQUE (user_id),
  CONSTRAINT external_identity_issuer_ck CHECK (char_length(issuer) BETWEEN 1 AND 64),
  CONSTRAINT external_identity_external_id_ck CHECK (char_length(external_id) BETWEEN 1 AND 255)
);
