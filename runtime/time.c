/* time.c - RFC 3339 for metav1.Time and metav1.MicroTime (UTC, proleptic
 * Gregorian calendar, Howard Hinnant's civil-date algorithms). */
#include <string.h>

#include "internal.h"

/* 0000-01-01T00:00:00Z .. 9999-12-31T23:59:59Z, the range RFC 3339 spells */
#define MIN_SEC (-62167219200LL)
#define MAX_SEC 253402300799LL

static int64_t days_from_civil(int64_t y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = (unsigned)(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (int64_t)doe - 719468;
}

static void civil_from_days(int64_t z, int64_t *y, unsigned *m, unsigned *d)
{
    z += 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = (unsigned)(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = (int64_t)yoe + era * 400 + (*m <= 2);
}

static bool digits(const char *s, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
}

static unsigned days_in_month(int y, int m)
{
    static const unsigned char dim[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return dim[m - 1] + (m == 2 && leap);
}

int kc__time_parse(const char *s, size_t n, kc_time_t *out)
{
    int Y, M, D, h, mi, sec;
    if (n < 20 || !digits(s, 4, &Y) || s[4] != '-' || !digits(s + 5, 2, &M) || s[7] != '-' ||
        !digits(s + 8, 2, &D) || s[10] != 'T' || !digits(s + 11, 2, &h) || s[13] != ':' ||
        !digits(s + 14, 2, &mi) || s[16] != ':' || !digits(s + 17, 2, &sec))
        return -1;
    if (M < 1 || M > 12 || D < 1 || (unsigned)D > days_in_month(Y, M) || h > 23 || mi > 59 ||
        sec > 59)
        return -1;
    size_t i = 19;
    int32_t nsec = 0;
    if (s[i] == '.') {
        size_t start = ++i;
        int32_t scale = 100000000;
        while (i < n && s[i] >= '0' && s[i] <= '9') {
            nsec += (s[i] - '0') * scale; /* digits past the ninth are dropped */
            scale /= 10;
            i++;
        }
        if (i == start)
            return -1;
    }
    int64_t offset = 0;
    if (i < n && s[i] == 'Z') {
        i++;
    } else if (i + 6 <= n && (s[i] == '+' || s[i] == '-') && s[i + 3] == ':') {
        int oh, om;
        if (!digits(s + i + 1, 2, &oh) || !digits(s + i + 4, 2, &om) || oh > 23 || om > 59)
            return -1;
        offset = (int64_t)(oh * 3600 + om * 60) * (s[i] == '-' ? -1 : 1);
        i += 6;
    } else {
        return -1;
    }
    if (i != n)
        return -1;
    int64_t t = days_from_civil(Y, (unsigned)M, (unsigned)D) * 86400 + h * 3600 + mi * 60 + sec -
                offset;
    if (t < MIN_SEC || t > MAX_SEC) /* an offset pushed it out of what can be written back */
        return -1;
    out->sec = t;
    out->nsec = nsec;
    return 0;
}

static char *put_digits(char *p, unsigned v, int n)
{
    for (int i = n - 1; i >= 0; i--) {
        p[i] = (char)('0' + v % 10);
        v /= 10;
    }
    return p + n;
}

int kc__time_format(char *buf, const kc_time_t *t, bool micro)
{
    if (t->nsec < 0 || t->nsec >= 1000000000)
        return -1;
    if (t->sec < MIN_SEC || t->sec > MAX_SEC)
        return -1;
    int64_t days = t->sec / 86400, rem = t->sec % 86400;
    if (rem < 0) {
        rem += 86400;
        days--;
    }
    int64_t y;
    unsigned m, d;
    civil_from_days(days, &y, &m, &d);
    int h = (int)(rem / 3600), mi = (int)(rem / 60 % 60), s = (int)(rem % 60);
    char *p = buf;
    p = put_digits(p, (unsigned)y, 4);
    *p++ = '-';
    p = put_digits(p, m, 2);
    *p++ = '-';
    p = put_digits(p, d, 2);
    *p++ = 'T';
    p = put_digits(p, (unsigned)h, 2);
    *p++ = ':';
    p = put_digits(p, (unsigned)mi, 2);
    *p++ = ':';
    p = put_digits(p, (unsigned)s, 2);
    if (micro) {
        *p++ = '.';
        p = put_digits(p, (unsigned)(t->nsec / 1000), 6);
    }
    *p++ = 'Z';
    *p = '\0';
    return (int)(p - buf);
}
