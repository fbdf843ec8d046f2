// Kept in @app/shared so the scheme context (group standards' dates) uses the same day.
export { SHENZHEN_TODAY } from '@app/shared';
