import type { EntityManager } from '@mikro-orm/postgresql';
import { Agency, AgencyKind, AgencyUnit, UnitKind } from '../../src/modules/agency/agency.entity';
import { Membership, Role } from '../../src/modules/person/membership.entity';
import { Person } from '../../src/modules/person/person.entity';
import { Appointment, Post, PostAuthority } from '../../src/modules/post/post.entity';
import { Region, RegionLevel } from '../../src/modules/region/region.entity';
import { DEMO_AGENCIES, DEMO_APPOINTMENTS, DEMO_PEOPLE, DEMO_POSTS, DEMO_REGIONS } from './data';

function need<T>(map: Map<string, T>, key: string, what: string): T {
  const v = map.get(key);
  if (!v) throw new Error(`demo data: unknown ${what} ${key}`);
  return v;
}

/** Writes the demo province (regions, agencies, people, posts) in one transaction. */
export async function loadDemoData(em: EntityManager): Promise<void> {
  await em.transactional(async (tx) => {
    const regions = new Map<string, Region>();
    for (const r of DEMO_REGIONS) {
      const parent = r.parentCode ? need(regions, r.parentCode, 'region') : undefined;
      regions.set(
        r.code,
        tx.create(Region, {
          code: r.code, nameFa: r.nameFa, nameEn: r.nameEn, level: r.level as RegionLevel, parent,
          path: `${parent?.path ?? '/'}${r.code}/`, population: r.population, populationYear: r.populationYear, searchText: '',
        }),
      );
    }
    const agencies = new Map<string, Agency>();
    const units = new Map<string, AgencyUnit>();
    for (const a of DEMO_AGENCIES) {
      const agency = tx.create(Agency, {
        code: a.code, nameFa: a.nameFa, nameEn: a.nameEn, kind: a.kind as AgencyKind,
        jurisdiction: need(regions, a.jurisdictionCode, 'region'),
        parent: a.parentCode ? need(agencies, a.parentCode, 'agency') : undefined,
        fieldsOfActivity: a.fieldsOfActivity ?? [], searchText: '',
      });
      agencies.set(a.code, agency);
      for (const u of a.units ?? []) {
        units.set(u.code, tx.create(AgencyUnit, { agency, code: u.code, nameFa: u.nameFa, nameEn: u.nameEn, kind: u.kind as UnitKind }));
      }
    }
    const people = new Map<string, Person>();
    for (const p of DEMO_PEOPLE) {
      // A person's record belongs to the agency of their first membership.
      const person = tx.create(Person, {
        email: p.email, fullNameFa: p.fullNameFa, fullNameEn: p.fullNameEn, phone: p.phone, nationalId: p.nationalId,
        homeAgency: p.memberships.length ? need(agencies, p.memberships[0].agencyCode, 'agency') : undefined,
      });
      people.set(p.email, person);
      for (const m of p.memberships) {
        tx.create(Membership, {
          person, agency: need(agencies, m.agencyCode, 'agency'), unit: m.unitCode ? need(units, m.unitCode, 'unit') : undefined,
          role: m.role as Role, validFrom: m.validFrom, validTo: m.validTo, acceptedAt: new Date(`${m.validFrom}T09:00:00+03:30`),
        });
      }
    }
    const posts = new Map<string, Post>();
    for (const p of DEMO_POSTS) {
      posts.set(p.code, tx.create(Post, {
        code: p.code, titleFa: p.titleFa, titleEn: p.titleEn, agency: need(agencies, p.agencyCode, 'agency'),
        unit: p.unitCode ? need(units, p.unitCode, 'unit') : undefined, authority: p.authority as PostAuthority | undefined,
      }));
    }
    for (const a of DEMO_APPOINTMENTS) {
      tx.create(Appointment, {
        post: need(posts, a.postCode, 'post'), person: need(people, a.personEmail, 'person'),
        startedOn: a.startedOn, endedOn: a.endedOn, startNote: a.startNote, endNote: a.endNote,
      });
    }
  });
}

/** Loads the demo data into a database that has no regions yet; true when it did. */
export async function loadDemoDataIfEmpty(em: EntityManager): Promise<boolean> {
  if ((await em.count(Region, {})) > 0) return false;
  await loadDemoData(em);
  return true;
}
