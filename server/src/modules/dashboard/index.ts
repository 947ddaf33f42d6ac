/*
 * Nothing of the dashboard is for other modules: it reads requests and tasks for the steering
 * room through its routes only.
 */
export {};
