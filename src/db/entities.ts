import { Agency, AgencyUnit } from '../modules/agency/agency.entity';
import { Membership } from '../modules/person/membership.entity';
import { Person } from '../modules/person/person.entity';
import { Appointment, Post } from '../modules/post/post.entity';
import { Region } from '../modules/region/region.entity';
import { JalaliPeriod } from '../modules/period/period.entity';
import { HarmCategory, Indicator, Observation, ObservationBatch, SmallCountPattern } from '../modules/harm/harm.entity';
import { DataSharingAgreement } from '../modules/sharing/agreement.entity';
import { AccessLog } from '../modules/audit/access-log.entity';
import { AuditEvent } from '../modules/audit/audit-event.entity';
import { RateLimitBucket } from '../modules/limits/rate-limit.entity';

/** Every entity, listed once: discovery reads no folders. */
export const ENTITIES = [
  Region, Agency, AgencyUnit, Person, Membership, Post, Appointment,
  JalaliPeriod, HarmCategory, Indicator, ObservationBatch, Observation, SmallCountPattern, DataSharingAgreement, AccessLog, AuditEvent, RateLimitBucket,
];
