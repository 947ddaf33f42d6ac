/*
 * What other modules may use of rounds: the jobs that compute a plan and a drop-out's re-plan,
 * for the platform's job runner. Plans themselves are read and changed only through the routes.
 */
export { planJob, replanJob } from './rounds.jobs.js';
