import { Agency, AgencyUnit } from '../modules/agency/agency.entity';
import { Membership } from '../modules/person/membership.entity';
import { Person } from '../modules/person/person.entity';
import { Appointment, Post } from '../modules/post/post.entity';
import { Region } from '../modules/region/region.entity';

/** Every entity, listed once: discovery reads no folders. */
export const ENTITIES = [Region, Agency, AgencyUnit, Person, Membership, Post, Appointment];
