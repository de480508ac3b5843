/** Rule thresholds, with the spec's defaults (spec: tasks.md). Partners may override them later. */
export interface RuleSettings {
  readonly renewal: {
    readonly lowWithinMonths: number;
    readonly mediumWithinMonths: number;
    readonly highWithinMonths: number;
    /** An order that ended more than this many days ago has lapsed and raises nothing. */
    readonly lapsedAfterDays: number;
  };
  readonly usage: {
    readonly lowPercent: number;
    readonly mediumPercent: number;
    /** Above this (strictly) is high; `suggestUpgrade` starts at mediumPercent. */
    readonly highAbovePercent: number;
  };
  readonly inactivity: {
    /** More than this many days inactive is low; likewise medium and high. */
    readonly lowAfterDays: number;
    readonly mediumAfterDays: number;
    readonly highAfterDays: number;
  };
  readonly scanners: {
    /** A heartbeat older than this makes an appliance inactive. */
    readonly heartbeatMaxHours: number;
  };
  readonly failedScans: {
    readonly windowDays: number;
  };
}

export const DEFAULT_RULE_SETTINGS: RuleSettings = {
  renewal: { lowWithinMonths: 6, mediumWithinMonths: 3, highWithinMonths: 1, lapsedAfterDays: 30 },
  usage: { lowPercent: 60, mediumPercent: 80, highAbovePercent: 100 },
  inactivity: { lowAfterDays: 7, mediumAfterDays: 14, highAfterDays: 30 },
  scanners: { heartbeatMaxHours: 24 },
  failedScans: { windowDays: 7 },
};

/** What every rule evaluates against: the instant, the portal's time zone and the thresholds. */
export interface EvaluationContext {
  readonly now: Date;
  readonly timeZone: string;
  readonly settings: RuleSettings;
}
