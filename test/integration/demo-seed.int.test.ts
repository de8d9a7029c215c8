import { randomUUID } from 'node:crypto';
import bcrypt from 'bcryptjs';
import type { DataSource } from 'typeorm';
import { createDataSource, DEMO_PASSWORD, migrate, seedDemoData } from '@mutu/persistence';

// Demo users carry a public password (the README's): production never gets it, and a generated one
// is printed once, by the one process that created the users.
describe('demo data seeding (PostgreSQL)', () => {
  let admin: DataSource;
  const databases: string[] = [];
  const opened: DataSource[] = [];

  beforeAll(async () => {
    admin = createDataSource({ url: (process.env.DATABASE_OWNER_URL ?? process.env.DATABASE_URL)!, poolSize: 1 });
    await admin.initialize();
  });

  afterAll(async () => {
    for (const ds of opened) await ds.destroy().catch(() => undefined);
    for (const db of databases) await admin.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`).catch(() => undefined);
    await admin?.destroy();
  });

  /** A fresh, migrated database of its own: the shared one already has the demo users. */
  async function freshDatabase(): Promise<DataSource> {
    const name = `mutu_seed_${randomUUID().replace(/-/g, '')}`;
    await admin.query(`CREATE DATABASE ${name}`);
    databases.push(name);
    const url = new URL((process.env.DATABASE_OWNER_URL ?? process.env.DATABASE_URL)!);
    url.pathname = `/${name}`;
    const ds = createDataSource({ url: url.toString(), poolSize: 4 });
    await ds.initialize();
    opened.push(ds);
    await migrate(ds);
    return ds;
  }

  const hashOf = async (ds: DataSource, email: string) =>
    ((await ds.query('SELECT password_hash FROM users WHERE email = $1', [email])) as { password_hash: string }[])[0].password_hash;

  it("uses the README's password in development", async () => {
    const ds = await freshDatabase();
    const result = await seedDemoData(ds, { NODE_ENV: 'development' });
    expect(result.password).toBe('readme');
    expect(result.usersCreated).toBeGreaterThan(12);
    expect(await bcrypt.compare(DEMO_PASSWORD, await hashOf(ds, 'admin@demo.mutu.id'))).toBe(true);
  });

  it('in production generates a password, prints it once, and never uses the README one', async () => {
    const ds = await freshDatabase();
    const lines: string[] = [];
    const result = await seedDemoData(ds, { NODE_ENV: 'production', log: (l) => lines.push(l) });
    expect(result).toEqual({ password: 'generated', usersCreated: expect.any(Number) });
    expect(lines).toHaveLength(1);
    const generated = /generated password (\S+) /.exec(lines[0])![1];
    expect(generated).not.toBe(DEMO_PASSWORD);
    expect(generated.length).toBeGreaterThanOrEqual(20);
    for (const email of ['admin@demo.mutu.id', 'kepsek@demo.mutu.id', 'lpmp@demo.mutu.id']) {
      const hash = await hashOf(ds, email);
      expect(await bcrypt.compare(DEMO_PASSWORD, hash)).toBe(false);
      expect(await bcrypt.compare(generated, hash)).toBe(true);
    }
    // Seeding again creates nothing and prints nothing: the password was shown once.
    expect((await seedDemoData(ds, { NODE_ENV: 'production', log: (l) => lines.push(l) })).usersCreated).toBe(0);
    expect(lines).toHaveLength(1);
  });

  it('in production uses DEMO_PASSWORD when given, and refuses the README password', async () => {
    const ds = await freshDatabase();
    await expect(seedDemoData(ds, { NODE_ENV: 'production', DEMO_PASSWORD })).rejects.toThrow(/DEMO_PASSWORD must not be the README/);
    expect(await ds.query('SELECT 1 FROM users')).toEqual([]);
    const chosen = 'operator-chosen-demo-pw';
    expect((await seedDemoData(ds, { NODE_ENV: 'production', DEMO_PASSWORD: chosen })).password).toBe('DEMO_PASSWORD');
    expect(await bcrypt.compare(chosen, await hashOf(ds, 'auditor@demo.mutu.id'))).toBe(true);
  });

  it('replicas seeding at once agree: one creates every user and prints its password', async () => {
    const ds = await freshDatabase();
    const lines: string[] = [];
    const results = await Promise.all([1, 2, 3].map(() => seedDemoData(ds, { NODE_ENV: 'production', log: (l) => lines.push(l) })));
    expect(results.filter((r) => r.usersCreated > 0)).toHaveLength(1);
    expect(lines).toHaveLength(1);
    const generated = /generated password (\S+) /.exec(lines[0])![1];
    // Every user has that password (one bcrypt hash per batch: the campaign's users and the others).
    const hashes: { password_hash: string }[] = await ds.query('SELECT DISTINCT password_hash FROM users');
    for (const h of hashes) expect(await bcrypt.compare(generated, h.password_hash)).toBe(true);
  });
});
