import { connectionRules, isPublic, mayAttemptAction, sameRule, type RuleTree } from '../../policy/rules';

/** Posts and who held them are public: leadership history is part of the office's transparency. */
export const postRules: RuleTree = {
  Query: { post: isPublic, posts: isPublic },
  Mutation: { handOverPost: mayAttemptAction('post.handover') },
  Post: sameRule(isPublic, ['id', 'code', 'titleFa', 'titleEn', 'authority', 'agency', 'unit', 'appointments', 'current']),
  Appointment: sameRule(isPublic, ['id', 'startedOn', 'endedOn', 'startNote', 'endNote', 'post', 'person', 'startedOnJalali', 'endedOnJalali']),
  Handover: sameRule(isPublic, ['post', 'ended', 'started']),
  ...connectionRules('Post'),
};
