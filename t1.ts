import { PGlite } from '@electric-sql/pglite';
let t = Date.now(); let pg = await PGlite.create('/tmp/pgl-test'); console.log('reopen', Date.now()-t); await pg.close();
t = Date.now(); pg = await PGlite.create(); console.log('memory', Date.now()-t);
t = Date.now(); for (let i=0;i<1000;i++) await pg.query('select $1::int as x', [i]); console.log('1000 q', Date.now()-t);
await pg.exec('create table a(id text primary key, v jsonb)');
t = Date.now(); for (let i=0;i<1000;i++) await pg.query('insert into a values($1,$2)', [String(i), JSON.stringify({i})]); console.log('1000 ins', Date.now()-t);
const dump = await pg.dumpDataDir('none'); console.log('dump size', dump.size);
t = Date.now(); const pg2 = await PGlite.create({loadDataDir: dump}); console.log('from dump', Date.now()-t, (await pg2.query('select count(*) from a')).rows);
