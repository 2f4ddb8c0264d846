import { registerEnumType } from 'type-graphql';

export enum Sensitivity {
  OPEN = 'OPEN',
  RESTRICTED = 'RESTRICTED',
  CONFIDENTIAL = 'CONFIDENTIAL',
}
registerEnumType(Sensitivity, {
  name: 'Sensitivity',
  description: 'OPEN: may be published; RESTRICTED: e.g. divorce, theft, unemployment; CONFIDENTIAL: e.g. domestic violence, suicide attempts, addiction treatment',
});

export enum IndicatorUnit {
  COUNT = 'COUNT',
  RATE = 'RATE',
  PERCENT = 'PERCENT',
  AMOUNT = 'AMOUNT',
}
registerEnumType(IndicatorUnit, { name: 'IndicatorUnit' });

export enum Sex {
  TOTAL = 'TOTAL',
  FEMALE = 'FEMALE',
  MALE = 'MALE',
}
registerEnumType(Sex, { name: 'Sex' });

export enum AgeGroup {
  TOTAL = 'TOTAL',
  A0_14 = 'A0_14',
  A15_24 = 'A15_24',
  A25_44 = 'A25_44',
  A45_64 = 'A45_64',
  A65_PLUS = 'A65_PLUS',
}
registerEnumType(AgeGroup, { name: 'AgeGroup', description: 'TOTAL, or the age groups 0–14, 15–24, 25–44, 45–64, 65+' });

export enum ObservationStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}
registerEnumType(ObservationStatus, { name: 'ObservationStatus' });
