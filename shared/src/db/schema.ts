import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { TRegion } from '../geo/regions.js';
import type { TLanguage } from '../schemas/common.js';

type LocalizedText = Partial<Record<TLanguage, string>>;
export type ThemeSubtopic = { slug: string; name: LocalizedText };

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

export const themes = pgTable('themes', {
  slug: text('slug').primaryKey(),
  kind: text('kind', { enum: ['orientation', 'consultation'] }).notNull(),
  position: integer('position').notNull().default(0),
  name: jsonb('name').$type<LocalizedText>().notNull(),
  description: jsonb('description').$type<LocalizedText>().notNull(),
  /** Inactive themes are hidden from the form and new webinars; reports keep them. */
  active: boolean('active').notNull().default(true),
  /** Whether the input form offers it (the orientation is not a report theme). */
  takesReports: boolean('takes_reports').notNull().default(true),
  /** Sub-topics offered under the theme, edited by admins. Null until seeded. */
  subtopics: jsonb('subtopics').$type<ThemeSubtopic[]>(),
  /** Suggestion keywords per language, edited by admins. Null until seeded. */
  keywords: jsonb('keywords').$type<Partial<Record<TLanguage, string[]>>>(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const webinars = pgTable(
  'webinars',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull().unique(),
    kind: text('kind', { enum: ['orientation', 'thematic'] }).notNull(),
    themeSlug: text('theme_slug')
      .notNull()
      .references(() => themes.slug, { onUpdate: 'cascade' }),
    title: jsonb('title').$type<LocalizedText>().notNull(),
    description: jsonb('description').$type<LocalizedText>().notNull(),
    /** UTC instant. */
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    hostTimeZone: text('host_time_zone').notNull(),
    languages: jsonb('languages').$type<TLanguage[]>().notNull(),
    capacity: integer('capacity'),
    /**
     * Confirmed registrations, kept in step by every change of a registration's status, so
     * seat allocation is one guarded UPDATE instead of a count over the registrations. It may
     * exceed a capacity that a coordinator lowered later; nobody confirmed is demoted.
     */
    confirmedCount: integer('confirmed_count').notNull().default(0),
    /** Secret: only ever sent to registrants. */
    joinUrl: text('join_url').notNull(),
    status: text('status', { enum: ['draft', 'scheduled', 'cancelled', 'completed'] }).notNull(),
    recordingUrl: text('recording_url'),
    reminderOffsetsMinutes: jsonb('reminder_offsets_minutes').$type<number[]>().notNull(),
    /** Bumped whenever startsAt changes, so mail rendered for an old time is never sent. */
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('webinars_starts_at_idx').on(t.startsAt)],
);

export const registrations = pgTable(
  'registrations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    webinarId: uuid('webinar_id')
      .notNull()
      .references(() => webinars.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    email: text('email').notNull(),
    /** Lower-cased email: the idempotency key with webinarId. */
    emailNormalized: text('email_normalized').notNull(),
    organization: text('organization').notNull().default(''),
    country: text('country').notNull(),
    language: text('language').$type<TLanguage>().notNull(),
    timeZone: text('time_zone').notNull(),
    consentAt: timestamp('consent_at', { withTimezone: true }).notNull(),
    /** The consent wording agreed to (consent-versions.ts); null: registered before versions were kept. */
    consentVersion: text('consent_version'),
    status: text('status', { enum: ['confirmed', 'waitlisted', 'cancelled'] }).notNull(),
    /** The contact whose invitation led here, if any. */
    contactId: uuid('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    /** Secret: travels only by email, in the manage link. */
    manageToken: text('manage_token').notNull().unique(),
    /** When the registrant got a place (at registration or promotion); kept after a cancellation. */
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    /**
     * 1, then +1 each time a cancelled registrant registers again: part of the dedupe keys of
     * the mails of that round, so a second confirmation can be planned without a duplicate.
     */
    round: integer('round').notNull().default(1),
    /** Set when the registrant attended (imported attendance report or ticked by hand). */
    attendedAt: timestamp('attended_at', { withTimezone: true }),
    attendanceSource: text('attendance_source', { enum: ['import', 'manual'] }),
    /**
     * Set when the retention policy blanked the name, email, organization and manage token;
     * the row stays so counts by country, language and attendance survive.
     */
    personalDataErasedAt: timestamp('personal_data_erased_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('registrations_webinar_email_uq').on(t.webinarId, t.emailNormalized),
    index('registrations_webinar_status_idx').on(t.webinarId, t.status),
  ],
);

export const coordinatorAccounts = pgTable('coordinator_accounts', {
  id: uuid('id').primaryKey().defaultRandom(),
  email: text('email').notNull().unique(),
  passwordHash: text('password_hash').notNull(),
  role: text('role', { enum: ['admin', 'coordinator'] }).notNull(),
  regionScope: jsonb('region_scope').$type<string[]>(),
  themeScope: jsonb('theme_scope').$type<string[]>(),
  active: boolean('active').notNull().default(true),
  /** How briefs and the workspace name the person (a frozen brief's "frozen by"); never the email. */
  displayName: text('display_name'),
  /** The language of the account's mails (invitation, password reset). */
  language: text('language').$type<TLanguage>().notNull().default('en'),
  /** Sessions signed in before this instant are void (set by a password reset or change). */
  sessionsValidAfter: timestamp('sessions_valid_after', { withTimezone: true }),
  lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** Someone in a member network, imported by coordinators; invited by campaigns. */
export const contacts = pgTable(
  'contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    /** Lower-cased email: one contact per address. */
    emailNormalized: text('email_normalized').notNull().unique(),
    name: text('name').notNull().default(''),
    organization: text('organization').notNull().default(''),
    /** ISO 3166-1 alpha-2, when known. */
    country: text('country'),
    language: text('language').$type<TLanguage>().notNull().default('en'),
    /** IANA zone when known; otherwise the country's main zone is used, and named as such. */
    timeZone: text('time_zone'),
    tags: jsonb('tags').$type<string[]>().notNull().default([]),
    /** Set once, never cleared by an import: unsubscribed contacts are never mailed again. */
    unsubscribedAt: timestamp('unsubscribed_at', { withTimezone: true }),
    /** A hard bounce (5xx) marks the address undeliverable. */
    undeliverableAt: timestamp('undeliverable_at', { withTimezone: true }),
    /** Secret of the one-click unsubscribe link. */
    unsubscribeToken: text('unsubscribe_token').notNull().unique(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('contacts_country_idx').on(t.country), index('contacts_language_idx').on(t.language)],
);

/**
 * Addresses that must never be mailed again, kept only as a keyed hash (HMAC with the privacy
 * key) once the contact itself is erased: a re-import of the address comes back unsubscribed.
 */
export const addressSuppressions = pgTable('address_suppressions', {
  addressHash: text('address_hash').primaryKey(),
  reason: text('reason', { enum: ['unsubscribed', 'undeliverable'] }).notNull(),
  createdAt: createdAt(),
});

/** The segment of contacts a campaign targets; empty lists mean "any". */
export type CampaignSegment = {
  regions?: TRegion[];
  countries?: string[];
  languages?: TLanguage[];
  tags?: string[];
  organizations?: string[];
};

/** An invitation send for one webinar to a segment of contacts. */
export const campaigns = pgTable(
  'campaigns',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    webinarId: uuid('webinar_id')
      .notNull()
      .references(() => webinars.id, { onDelete: 'cascade' }),
    segment: jsonb('segment').$type<CampaignSegment>().notNull(),
    status: text('status', { enum: ['draft', 'sending', 'sent'] })
      .notNull()
      .default('draft'),
    /** Invitations written to the outbox when the campaign was sent. */
    plannedCount: integer('planned_count').notNull().default(0),
    /** Contacts in the segment skipped (unsubscribed, undeliverable, already invited). */
    skippedCount: integer('skipped_count').notNull().default(0),
    createdBy: uuid('created_by').references(() => coordinatorAccounts.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [index('campaigns_webinar_idx').on(t.webinarId)],
);

export const NOTIFICATION_KINDS = [
  'invitation',
  'confirmation',
  'reminder',
  'reschedule',
  'cancellation',
  'waitlist_promotion',
  'follow_up',
  'follow_up_absentee',
  'account_invitation',
  'password_reset',
] as const;
/** Kinds addressed to a coordinator account rather than a webinar's participant. */
export const ACCOUNT_NOTIFICATION_KINDS = ['account_invitation', 'password_reset'] as const;
export const NOTIFICATION_STATUSES = ['pending', 'sending', 'sent', 'failed', 'cancelled'] as const;

/** The outbox: one row per email that must go out. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: NOTIFICATION_KINDS }).notNull(),
    /** Null for account mails (invitation, password reset). */
    webinarId: uuid('webinar_id').references(() => webinars.id, { onDelete: 'cascade' }),
    registrationId: uuid('registration_id').references(() => registrations.id, { onDelete: 'cascade' }),
    contactId: uuid('contact_id').references(() => contacts.id, { onDelete: 'cascade' }),
    campaignId: uuid('campaign_id').references(() => campaigns.id, { onDelete: 'set null' }),
    /** Account mails: the account, and the invitation or reset whose link the mail carries. */
    accountId: uuid('account_id').references(() => coordinatorAccounts.id, { onDelete: 'cascade' }),
    accountInvitationId: uuid('account_invitation_id').references(() => accountInvitations.id, {
      onDelete: 'cascade',
    }),
    passwordResetId: uuid('password_reset_id').references(() => passwordResets.id, { onDelete: 'cascade' }),
    /** The webinar version the mail was planned for; a mismatch at send time skips it (0 for account mails). */
    webinarVersion: integer('webinar_version').notNull(),
    offsetMinutes: integer('offset_minutes'),
    /** (target, kind, webinar, version/offset): makes "send twice" impossible to enqueue. */
    dedupeKey: text('dedupe_key').notNull().unique(),
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }).notNull(),
    status: text('status', { enum: NOTIFICATION_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    /**
     * Who holds the "sending" claim: the claiming job's id and creation time. That job's retry
     * (or its stalled takeover) can resume its own claim; no other job can.
     */
    claimToken: text('claim_token'),
    /**
     * Set just before the message is handed to SMTP. A claim without it never sent anything and
     * can be released at once; with it the mail may have gone out.
     */
    handedOffAt: timestamp('handed_off_at', { withTimezone: true }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    lastError: text('last_error'),
    providerMessageId: text('provider_message_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('notifications_status_scheduled_idx').on(t.status, t.scheduledAt),
    index('notifications_registration_idx').on(t.registrationId),
    index('notifications_campaign_idx').on(t.campaignId, t.status),
    check('notifications_attempts_nonneg', sql`${t.attempts} >= 0`),
    check(
      'notifications_target',
      sql`(${t.kind} IN ('account_invitation', 'password_reset')) = (${t.accountId} IS NOT NULL AND ${t.webinarId} IS NULL)`,
    ),
  ],
);

/** Mail kept by the local outbox transport (no SMTP_URL): viewable by coordinators. */
export const outboxMessages = pgTable('outbox_messages', {
  id: uuid('id').primaryKey().defaultRandom(),
  notificationId: uuid('notification_id')
    .notNull()
    .unique()
    .references(() => notifications.id, { onDelete: 'cascade' }),
  recipient: text('recipient').notNull(),
  subject: text('subject').notNull(),
  messageId: text('message_id').notNull(),
  /** The whole RFC 5322 message, as also written to DATA_DIR/outbox/<id>.eml. */
  raw: text('raw').notNull(),
  createdAt: createdAt(),
});

/**
 * The coalition's reporter keys (ECDH P-256). Made in an admin's browser: the server holds the
 * public JWK and the private key wrapped by the admin's passphrase, and can open neither. The
 * newest unretired key is the one the form seals to; retired keys stay to open older reports.
 */
export const reporterKeys = pgTable('reporter_keys', {
  /** Made in the browser with the pair: the `kid` every envelope names. */
  id: uuid('id').primaryKey(),
  publicKey: jsonb('public_key').$type<{ kty: 'EC'; crv: 'P-256'; x: string; y: string }>().notNull(),
  /** {kdf, iterations, salt, iv, wrapped}: see shared/src/crypto/reporter-key-pair.ts. */
  wrappedPrivateKey: jsonb('wrapped_private_key')
    .$type<{ kdf: 'PBKDF2-SHA256'; iterations: number; salt: string; iv: string; wrapped: string }>()
    .notNull(),
  createdBy: uuid('created_by').references(() => coordinatorAccounts.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
  retiredAt: timestamp('retired_at', { withTimezone: true }),
});

/**
 * Regional input. An anonymous report has no organization, name or email — the columns
 * stay null — and no report row ever holds an IP address.
 */
export const reports = pgTable(
  'reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Made on the reporter's device: the idempotency key of offline retries and replays. */
    clientSubmissionId: uuid('client_submission_id').notNull().unique(),
    /** What the reporter keeps to check the status; reveals nothing else. */
    receiptCode: text('receipt_code').notNull().unique(),
    language: text('language').$type<TLanguage>().notNull(),
    anonymous: boolean('anonymous').notNull(),
    organization: text('organization'),
    contactName: text('contact_name'),
    contactEmail: text('contact_email'),
    /**
     * A named reporter's name, email and phone, sealed in the browser to a reporter key
     * (envelope v1, shared/src/crypto/identity-envelope.ts): the only form new reports keep
     * them in. contact_name/contact_email are left from before and no longer written.
     */
    identityCiphertext: jsonb('identity_ciphertext').$type<{
      v: 1;
      kid: string;
      epk: { kty: 'EC'; crv: 'P-256'; x: string; y: string };
      iv: string;
      ct: string;
    }>(),
    identityKeyId: uuid('identity_key_id').references(() => reporterKeys.id, { onDelete: 'restrict' }),
    region: text('region').$type<TRegion>().notNull(),
    countries: jsonb('countries').$type<string[]>().notNull(),
    corridorOrigin: text('corridor_origin'),
    corridorDestination: text('corridor_destination'),
    barriers: text('barriers').notNull(),
    recommendations: text('recommendations').notNull().default(''),
    affectedGroups: jsonb('affected_groups').$type<string[]>().notNull().default([]),
    source: text('source').notNull().default(''),
    consent: text('consent', { enum: ['attributed', 'anonymized', 'coordinators_only'] }).notNull(),
    /** The consent wording agreed to (consent-versions.ts); null: sent before versions were kept. */
    consentVersion: text('consent_version'),
    webinarId: uuid('webinar_id').references(() => webinars.id, { onDelete: 'set null' }),
    status: text('status', { enum: ['new', 'reviewed', 'included', 'excluded'] })
      .notNull()
      .default('new'),
    /**
     * What a coordinator redacted (personal details removed): every export and every
     * coordinator reads these when set; the originals above stay visible to admins only.
     */
    redactedBarriers: text('redacted_barriers'),
    redactedRecommendations: text('redacted_recommendations'),
    redactedSource: text('redacted_source'),
    redactedAt: timestamp('redacted_at', { withTimezone: true }),
    redactedBy: uuid('redacted_by').references(() => coordinatorAccounts.id, { onDelete: 'set null' }),
    /**
     * 1, 2, 3… in order of arrival: the short, stable code briefs and reviewers cite
     * (R-0142, see reportCode), never the UUID.
     */
    number: integer('number').notNull().unique().generatedByDefaultAsIdentity(),
    /**
     * The language a language identifier finds in the text, when it differs from the declared
     * one with confidence (null: agrees, or too short to tell). Translations start from it.
     */
    detectedLanguage: text('detected_language').$type<TLanguage>(),
    /**
     * Set when a coordinator merged this report into another that says the same (near-duplicate):
     * both codes stay as lineage, the brief counts the pair once, under the one kept.
     */
    mergedInto: uuid('merged_into').references((): AnyPgColumn => reports.id, { onDelete: 'set null' }),
    /** Set when the retention policy erased a named reporter's contact name and email (text stays). */
    identityErasedAt: timestamp('identity_erased_at', { withTimezone: true }),
    /**
     * Set when the reporter withdrew the report with its receipt code: its text and identity are
     * blanked and the row stays as a tombstone, so its number (R-0142) still resolves, to
     * "withdrawn". Frozen compilations keep what they held when sent.
     */
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('reports_status_created_idx').on(t.status, t.createdAt),
    // Newest-first lists and the streamed export's keyset batches.
    index('reports_created_id_idx').on(t.createdAt, t.id),
    index('reports_region_idx').on(t.region),
    // Near-duplicate lookups (similarity of what two reports say), pg_trgm.
    index('reports_barriers_trgm_idx').using('gin', t.barriers.op('gin_trgm_ops')),
    check(
      'reports_anonymous_has_no_identity',
      sql`NOT ${t.anonymous} OR (${t.organization} IS NULL AND ${t.contactName} IS NULL AND ${t.contactEmail} IS NULL AND ${t.identityCiphertext} IS NULL)`,
    ),
    check('reports_identity_names_its_key', sql`(${t.identityCiphertext} IS NULL) = (${t.identityKeyId} IS NULL)`),
  ],
);

/** The themes of a report, each with how it got there (chosen, suggested and accepted, set in review). */
export const reportThemes = pgTable(
  'report_themes',
  {
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    themeSlug: text('theme_slug')
      .notNull()
      .references(() => themes.slug, { onUpdate: 'cascade' }),
    subtopics: jsonb('subtopics').$type<string[]>().notNull().default([]),
    provenance: text('provenance', { enum: ['chosen', 'suggested', 'coordinator'] }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.themeSlug] }), index('report_themes_theme_idx').on(t.themeSlug)],
);

/** Coordinators' notes on a report, visible to every coordinator who can see the report. */
export const reportNotes = pgTable(
  'report_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => coordinatorAccounts.id, { onDelete: 'set null' }),
    text: text('text').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('report_notes_report_idx').on(t.reportId, t.createdAt)],
);

/** A frozen compilation: which reports, compiled how, by whom — reproducible for good. */
export const compilations = pgTable(
  'compilations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    themeSlug: text('theme_slug')
      .notNull()
      .references(() => themes.slug, { onUpdate: 'cascade' }),
    /** 1, 2, 3… per theme. */
    number: integer('number').notNull(),
    frozenBy: uuid('frozen_by').references(() => coordinatorAccounts.id, { onDelete: 'set null' }),
    reportIds: jsonb('report_ids').$type<string[]>().notNull(),
    /** The compilation as frozen (TCompilation): exports render from this, never from the live reports. */
    content: jsonb('content').notNull(),
    /** Set when a coordinator publishes the snapshot on the theme's public page (null: not public). */
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedBy: uuid('published_by').references(() => coordinatorAccounts.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('compilations_theme_number_uq').on(t.themeSlug, t.number)],
);

/** Who did what in the workspace: status, tags, redactions, exports, webinars, accounts. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    actorId: uuid('actor_id').references(() => coordinatorAccounts.id, { onDelete: 'set null' }),
    /** Kept as written at the time: the account may be renamed or removed later. */
    actorEmail: text('actor_email').notNull(),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [index('audit_log_created_idx').on(t.createdAt)],
);

/** An admin's invitation to a coordinator: a single-use, expiring link to set a password. */
export const accountInvitations = pgTable('account_invitations', {
  id: uuid('id').primaryKey().defaultRandom(),
  accountId: uuid('account_id')
    .notNull()
    .references(() => coordinatorAccounts.id, { onDelete: 'cascade' }),
  /** sha256 of the token: the token itself travels only in the link. */
  tokenHash: text('token_hash').notNull().unique(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
  /** Set when an admin revokes it or sends a new one in its place. */
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
  /**
   * The token itself, kept only until the worker has mailed the link, then erased in the same
   * statement that marks the mail sent: afterwards only its hash remains.
   */
  mailToken: text('mail_token'),
  createdBy: uuid('created_by').references(() => coordinatorAccounts.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
});

/** "Forgot password": a single-use, short-lived link mailed to the account's address. */
export const passwordResets = pgTable(
  'password_resets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => coordinatorAccounts.id, { onDelete: 'cascade' }),
    /** sha256 of the token. */
    tokenHash: text('token_hash').notNull().unique(),
    /** As for invitations: erased once the mail has gone. */
    mailToken: text('mail_token'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('password_resets_account_idx').on(t.accountId)],
);

export const TRANSLATED_FIELDS = ['barriers', 'recommendations', 'source'] as const;
export type TranslatedField = (typeof TRANSLATED_FIELDS)[number];

/**
 * A report text in another language, with its provenance: machine (which provider, pivoted
 * through which language) or human (who), and whether a reviewer verified it. One per
 * (report, field, language); a human edit replaces a machine one in place. `text` is null
 * while a machine translation is queued or when it failed.
 */
export const reportTranslations = pgTable(
  'report_translations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    field: text('field', { enum: TRANSLATED_FIELDS }).notNull(),
    language: text('language').$type<TLanguage>().notNull(),
    /** The language translated from (the report's, or the detected one). */
    sourceLanguage: text('source_language').$type<TLanguage>().notNull(),
    status: text('status', { enum: ['queued', 'done', 'failed'] }).notNull(),
    text: text('text'),
    origin: text('origin', { enum: ['machine', 'human'] }).notNull(),
    /** The machine provider (apertium, libretranslate); null for a human translation. */
    provider: text('provider'),
    /** The language a machine translation went through (fr→es→en), or null when direct. */
    pivot: text('pivot').$type<TLanguage>(),
    translatedBy: uuid('translated_by').references(() => coordinatorAccounts.id, { onDelete: 'set null' }),
    translatedAt: timestamp('translated_at', { withTimezone: true }),
    verifiedBy: uuid('verified_by').references(() => coordinatorAccounts.id, { onDelete: 'set null' }),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('report_translations_report_field_language_uq').on(t.reportId, t.field, t.language)],
);

/**
 * What coordinators write for a theme's brief (TBriefEditorial: summary, key barriers, key
 * recommendations, closing note, featured quotes), in one or more languages. Live: a freeze
 * copies it into the compilation's content.
 */
export const briefEditorials = pgTable('brief_editorials', {
  themeSlug: text('theme_slug')
    .primaryKey()
    .references(() => themes.slug, { onUpdate: 'cascade' }),
  content: jsonb('content').notNull(),
  updatedBy: uuid('updated_by').references(() => coordinatorAccounts.id, { onDelete: 'set null' }),
  updatedAt: updatedAt(),
});

export const CONSULTATION_KINDS = ['thematic', 'regional', 'national', 'hearing'] as const;

/**
 * A consultation members are being equipped for (a UN thematic, regional or national
 * consultation, a multistakeholder hearing), listed publicly and in the iCalendar feeds.
 * `sequence` is bumped on every change, so a subscribed calendar replaces the event (its UID
 * is derived from the id) instead of adding a second one.
 */
export const consultations = pgTable(
  'consultations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: CONSULTATION_KINDS }).notNull(),
    title: jsonb('title').$type<LocalizedText>().notNull(),
    description: jsonb('description').$type<LocalizedText>().notNull().default({}),
    /** UTC instants; shown in the host's zone and in each reader's. */
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    hostTimeZone: text('host_time_zone').notNull(),
    online: boolean('online').notNull().default(false),
    place: text('place'),
    link: text('link'),
    region: text('region').$type<TRegion>(),
    themeSlug: text('theme_slug').references(() => themes.slug, { onUpdate: 'cascade' }),
    status: text('status', { enum: ['scheduled', 'cancelled'] })
      .notNull()
      .default('scheduled'),
    sequence: integer('sequence').notNull().default(0),
    createdBy: uuid('created_by').references(() => coordinatorAccounts.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('consultations_starts_at_idx').on(t.startsAt)],
);
