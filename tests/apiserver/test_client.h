/* test_client.h — a raw-socket HTTP/1.1 client for the server's C tests (test_faults.c,
 * test_watch.c). It shows what is on the wire, which libcurl would hide: the status line and
 * headers, every chunk boundary, whether a chunked body ended with its terminating chunk or
 * the connection closed early. Plain HTTP to 127.0.0.1 only; every wait is bounded. */
#ifndef KC_APISERVER_TEST_CLIENT_H
#define KC_APISERVER_TEST_CLIENT_H

#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <arpa/inet.h>
#include <poll.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static inline uint64_t tc_now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

typedef struct tc_conn {
    int fd;
    char *in;              /* received, not yet decoded */
    size_t in_len, in_cap;
    bool head_done;
    int status;
    char *head;            /* status line and headers, NUL-terminated */
    bool chunked;
    long long clen;        /* Content-Length, or -1 */
    char *body;            /* decoded body, NUL-terminated */
    size_t body_len, body_cap;
    size_t n_chunks, max_chunk, chunk_left;
    int cstate;            /* chunked: 0 size line, 1 data, 2 CRLF after data, 3 final CRLF */
    bool complete;         /* the framing says the body is whole (terminating chunk, length) */
    bool eof;              /* the peer closed the connection */
    bool keepalive;        /* set before tc_send: no "Connection: close" (as watch clients do) */
} tc_conn_t;

static inline void tc_grow(char **p, size_t *cap, size_t need) {
    if (need <= *cap) return;
    size_t c = *cap ? *cap : 4096;
    while (c < need) c *= 2;
    char *n = realloc(*p, c);
    if (!n) abort();
    *p = n;
    *cap = c;
}

static inline void tc_body_put(tc_conn_t *c, const char *p, size_t n) {
    tc_grow(&c->body, &c->body_cap, c->body_len + n + 1);
    memcpy(c->body + c->body_len, p, n);
    c->body_len += n;
    c->body[c->body_len] = 0;
}

/* Opens a connection; rcvbuf > 0 sets SO_RCVBUF first (a small window for slow readers). */
static inline int tc_open(tc_conn_t *c, uint16_t port, int rcvbuf) {
    memset(c, 0, sizeof *c);
    c->clen = -1;
    c->fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (c->fd < 0) return -1;
    if (rcvbuf > 0) setsockopt(c->fd, SOL_SOCKET, SO_RCVBUF, &rcvbuf, sizeof rcvbuf);
    int one = 1;
    setsockopt(c->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    struct sockaddr_in sa;
    memset(&sa, 0, sizeof sa);
    sa.sin_family = AF_INET;
    sa.sin_port = htons(port);
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(c->fd, (struct sockaddr *)&sa, sizeof sa) < 0) {
        close(c->fd);
        c->fd = -1;
        return -1;
    }
    return 0;
}

static inline void tc_close(tc_conn_t *c) {
    if (c->fd >= 0) close(c->fd);
    c->fd = -1;
    free(c->in);
    free(c->head);
    free(c->body);
    c->in = c->head = c->body = NULL;
}

static inline int tc_send(tc_conn_t *c, const char *method, const char *path, const char *ctype,
                          const char *body) {
    size_t blen = body ? strlen(body) : 0;
    char *req = NULL;
    int n = asprintf(&req,
                     "%s %s HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n"
                     "User-Agent: kc-apiserver-test\r\n%s%s%s%s"
                     "Content-Length: %zu\r\n\r\n",
                     method, path, c->keepalive ? "" : "Connection: close\r\n",
                     ctype ? "Content-Type: " : "", ctype ? ctype : "",
                     ctype ? "\r\n" : "", blen);
    if (n < 0) abort();
    int rc = 0;
    size_t off = 0, len = (size_t)n;
    while (off < len) {
        ssize_t w = send(c->fd, req + off, len - off, MSG_NOSIGNAL);
        if (w <= 0) { rc = -1; break; }
        off += (size_t)w;
    }
    for (off = 0; rc == 0 && off < blen;) {
        ssize_t w = send(c->fd, body + off, blen - off, MSG_NOSIGNAL);
        if (w <= 0) { rc = -1; break; }
        off += (size_t)w;
    }
    free(req);
    return rc;
}

/* A header's value (first occurrence) copied into out, or NULL. */
static inline const char *tc_header(const tc_conn_t *c, const char *name, char *out, size_t n) {
    if (!c->head) return NULL;
    size_t nl = strlen(name);
    for (const char *p = strstr(c->head, "\r\n"); p && p[2]; p = strstr(p + 2, "\r\n")) {
        const char *h = p + 2;
        if (!strncasecmp(h, name, nl) && h[nl] == ':') {
            h += nl + 1;
            while (*h == ' ') h++;
            const char *e = strstr(h, "\r\n");
            size_t l = e ? (size_t)(e - h) : strlen(h);
            if (l >= n) l = n - 1;
            memcpy(out, h, l);
            out[l] = 0;
            return out;
        }
    }
    return NULL;
}

/* Decodes what has arrived. */
static inline void tc_decode(tc_conn_t *c) {
    size_t pos = 0;
    if (!c->head_done) {
        char *e = c->in_len >= 4 ? memmem(c->in, c->in_len, "\r\n\r\n", 4) : NULL;
        if (!e) return;
        size_t hl = (size_t)(e - c->in) + 2;
        c->head = strndup(c->in, hl);
        c->head_done = true;
        sscanf(c->head, "HTTP/1.%*d %d", &c->status);
        char v[64];
        if (tc_header(c, "Transfer-Encoding", v, sizeof v) && strstr(v, "chunked")) c->chunked = true;
        if (tc_header(c, "Content-Length", v, sizeof v)) c->clen = atoll(v);
        pos = hl + 2;
        if (!c->body) tc_body_put(c, "", 0);
        if (!c->chunked && c->clen == 0) c->complete = true;
    }
    while (pos < c->in_len && !c->complete) {
        if (!c->chunked) {
            size_t n = c->in_len - pos;
            if (c->clen >= 0 && (long long)(c->body_len + n) > c->clen) n = (size_t)c->clen - c->body_len;
            tc_body_put(c, c->in + pos, n);
            pos += n;
            if (c->clen >= 0 && (long long)c->body_len == c->clen) c->complete = true;
            continue;
        }
        if (c->cstate == 0 || c->cstate == 2 || c->cstate == 3) {
            char *e = memmem(c->in + pos, c->in_len - pos, "\r\n", 2);
            if (!e) break;
            size_t l = (size_t)(e - (c->in + pos));
            if (c->cstate == 0) {
                char hex[32];
                if (l >= sizeof hex) l = sizeof hex - 1;
                memcpy(hex, c->in + pos, l);
                hex[l] = 0;
                c->chunk_left = strtoul(hex, NULL, 16);
                if (c->chunk_left == 0) {
                    c->cstate = 3;
                } else {
                    c->n_chunks++;
                    if (c->chunk_left > c->max_chunk) c->max_chunk = c->chunk_left;
                    c->cstate = 1;
                }
            } else if (c->cstate == 2) {
                c->cstate = 0;
            } else if (l == 0) {
                c->complete = true; /* the terminating chunk and its empty trailer */
            }
            pos = (size_t)(e - c->in) + 2;
            continue;
        }
        size_t n = c->in_len - pos;
        if (n > c->chunk_left) n = c->chunk_left;
        tc_body_put(c, c->in + pos, n);
        pos += n;
        c->chunk_left -= n;
        if (!c->chunk_left) c->cstate = 2;
    }
    memmove(c->in, c->in + pos, c->in_len - pos);
    c->in_len -= pos;
}

/* Waits up to timeout_ms for bytes. 1: something arrived; 0: timeout; -1: closed. */
static inline int tc_pump(tc_conn_t *c, int timeout_ms) {
    if (c->eof) return -1;
    struct pollfd p = {c->fd, POLLIN, 0};
    int r = poll(&p, 1, timeout_ms);
    if (r == 0) return 0;
    if (r < 0) return errno == EINTR ? 0 : -1;
    tc_grow(&c->in, &c->in_cap, c->in_len + 65536);
    ssize_t n = recv(c->fd, c->in + c->in_len, 65536, 0);
    if (n <= 0) {
        c->eof = true;
        if (c->head_done && !c->chunked && c->clen < 0) c->complete = true; /* close-delimited */
        return -1;
    }
    c->in_len += (size_t)n;
    tc_decode(c);
    return 1;
}

static inline size_t tc_count_lines(const tc_conn_t *c) {
    size_t n = 0;
    for (size_t i = 0; i < c->body_len; i++) n += c->body[i] == '\n';
    return n;
}

/* Reads until the body is complete, the peer closes, or timeout_ms passes.
 * Returns 0 when the body is complete. */
static inline int tc_finish(tc_conn_t *c, int timeout_ms) {
    uint64_t end = tc_now_ms() + (uint64_t)timeout_ms;
    while (!c->complete && !c->eof) {
        uint64_t now = tc_now_ms();
        if (now >= end) break;
        tc_pump(c, (int)(end - now));
    }
    return c->complete ? 0 : -1;
}

/* Reads until the body holds at least n lines (or it ends, or timeout_ms passes). */
static inline size_t tc_wait_lines(tc_conn_t *c, size_t n, int timeout_ms) {
    uint64_t end = tc_now_ms() + (uint64_t)timeout_ms;
    while (tc_count_lines(c) < n && !c->complete && !c->eof) {
        uint64_t now = tc_now_ms();
        if (now >= end) break;
        tc_pump(c, (int)(end - now));
    }
    return tc_count_lines(c);
}

/* Reads until the response head has arrived. Returns the status or -1. */
static inline int tc_wait_head(tc_conn_t *c, int timeout_ms) {
    uint64_t end = tc_now_ms() + (uint64_t)timeout_ms;
    while (!c->head_done && !c->eof) {
        uint64_t now = tc_now_ms();
        if (now >= end) break;
        tc_pump(c, (int)(end - now));
    }
    return c->head_done ? c->status : -1;
}

/* One whole request on a fresh connection. Returns the status, or -1. */
static inline int tc_request(tc_conn_t *c, uint16_t port, const char *method, const char *path,
                             const char *ctype, const char *body, int timeout_ms) {
    if (tc_open(c, port, 0) || tc_send(c, method, path, ctype, body)) return -1;
    tc_finish(c, timeout_ms);
    return c->head_done ? c->status : -1;
}

#endif
