/**
 * @module The scenarios in the order `npm run bench` runs them. import comes first because it
 * leaves behind the roster database card-lookup and reminder-plan read (a million-card import
 * takes minutes; doing it twice would double the run).
 */
import type { Scenario } from "../lib/scenario";
import { cardLookup } from "./card-lookup";
import { reminderPlan } from "./reminder-plan";
import { webhookIngest } from "./webhook-ingest";
import { dispatch } from "./dispatch";
import { importScenario } from "./import";
import { dashboard } from "./dashboard";
import { webhookIngestWorker } from "./webhook-ingest-worker";
import { dispatchWorker } from "./dispatch-worker";
import { busiestDay } from "./busiest-day";

export const SCENARIOS: Scenario[] = [importScenario, cardLookup, reminderPlan, webhookIngest, dispatch, dashboard, webhookIngestWorker, dispatchWorker, busiestDay];
