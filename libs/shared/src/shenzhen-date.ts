/** Dates are Shenzhen's: a certificate issued at 07:00 on 1 May Beijing time is dated 1 May. */
export const SHENZHEN_TODAY = "(now() AT TIME ZONE 'Asia/Shanghai')::date";
