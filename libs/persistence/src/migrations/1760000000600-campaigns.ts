import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Read models of mentoring campaigns: campaigns, their clusters, members and schools. */
export class Campaigns1760000000600 implements MigrationInterface {
  name = 'Campaigns1760000000600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE campaigns (
        campaign_id        text PRIMARY KEY,
        title              text NOT NULL,
        organiser          text NOT NULL,
        region_id          text NOT NULL,
        time_zone          text NOT NULL,
        period_start       date NOT NULL,
        period_end         date NOT NULL,
        materials          jsonb NOT NULL,
        status             text NOT NULL CHECK (status IN ('open', 'closed')),
        cluster_count      integer NOT NULL,
        school_count       integer NOT NULL,
        clusters_completed integer NOT NULL DEFAULT 0,
        created_by         text NOT NULL,
        created_at         timestamptz NOT NULL,
        closed_at          timestamptz
      )`);
    await q.query('CREATE INDEX campaigns_region_idx ON campaigns (region_id)');
    await q.query(`
      CREATE TABLE campaign_clusters (
        campaign_id text NOT NULL REFERENCES campaigns(campaign_id) ON DELETE CASCADE,
        cluster_id  text NOT NULL,
        stream_id   text NOT NULL UNIQUE,
        name        text NOT NULL,
        status      text NOT NULL,
        state       jsonb NOT NULL,
        version     integer NOT NULL,
        updated_at  timestamptz NOT NULL,
        PRIMARY KEY (campaign_id, cluster_id)
      )`);
    await q.query(`
      CREATE TABLE campaign_members (
        campaign_id text NOT NULL REFERENCES campaigns(campaign_id) ON DELETE CASCADE,
        cluster_id  text NOT NULL DEFAULT '',
        user_id     text NOT NULL,
        role        text NOT NULL,
        PRIMARY KEY (campaign_id, cluster_id, user_id)
      )`);
    await q.query('CREATE INDEX campaign_members_user_idx ON campaign_members (user_id)');
    await q.query(`
      CREATE TABLE campaign_schools (
        campaign_id text NOT NULL REFERENCES campaigns(campaign_id) ON DELETE CASCADE,
        cluster_id  text NOT NULL,
        school_id   text NOT NULL,
        position    integer NOT NULL,
        PRIMARY KEY (campaign_id, school_id)
      )`);
    await q.query('CREATE INDEX campaign_schools_school_idx ON campaign_schools (school_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE campaign_schools');
    await q.query('DROP TABLE campaign_members');
    await q.query('DROP TABLE campaign_clusters');
    await q.query('DROP TABLE campaigns');
  }
}
