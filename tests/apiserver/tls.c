/* tls.c — certificates with GnuTLS: a CA, a serving certificate for 127.0.0.1/localhost and
 * an admin client certificate (CN=kc-admin, O=system:masters); and the identity of a peer's
 * client certificate (CN = user, O = groups), verified against the CA. */
#define _GNU_SOURCE
#include "internal.h"

#include <errno.h>
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#include <microhttpd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static char *datum_str(gnutls_datum_t *d) {
    char *s = strndup((const char *)d->data, d->size);
    gnutls_free(d->data);
    d->data = NULL;
    return s;
}

static int new_key(gnutls_x509_privkey_t *k) {
    if (gnutls_x509_privkey_init(k) < 0) return -1;
    return gnutls_x509_privkey_generate(*k, GNUTLS_PK_ECDSA,
                                        GNUTLS_CURVE_TO_BITS(GNUTLS_ECC_CURVE_SECP256R1), 0) < 0
               ? -1
               : 0;
}

static int base_crt(gnutls_x509_crt_t *c, gnutls_x509_privkey_t key, const char *cn,
                    const char *org, unsigned serial) {
    if (gnutls_x509_crt_init(c) < 0) return -1;
    gnutls_x509_crt_set_version(*c, 3);
    unsigned char ser[8] = {0, 0, 0, 0, (unsigned char)(serial >> 24), (unsigned char)(serial >> 16),
                            (unsigned char)(serial >> 8), (unsigned char)serial};
    ser[0] = 0x01;
    gnutls_x509_crt_set_serial(*c, ser, sizeof ser);
    time_t now = time(NULL);
    gnutls_x509_crt_set_activation_time(*c, now - 3600);
    gnutls_x509_crt_set_expiration_time(*c, now + 365L * 24 * 3600);
    gnutls_x509_crt_set_dn_by_oid(*c, GNUTLS_OID_X520_COMMON_NAME, 0, cn, (unsigned)strlen(cn));
    if (org)
        gnutls_x509_crt_set_dn_by_oid(*c, GNUTLS_OID_X520_ORGANIZATION_NAME, 0, org,
                                      (unsigned)strlen(org));
    gnutls_x509_crt_set_key(*c, key);
    unsigned char kid[64];
    size_t kidlen = sizeof kid;
    if (gnutls_x509_crt_get_key_id(*c, 0, kid, &kidlen) >= 0)
        gnutls_x509_crt_set_subject_key_id(*c, kid, kidlen);
    return 0;
}

static int write_file(const char *dir, const char *name, const char *data, char **path_out) {
    char *p = NULL;
    if (asprintf(&p, "%s/%s", dir, name) < 0) return -1;
    FILE *f = fopen(p, "w");
    if (!f) {
        free(p);
        return -1;
    }
    fputs(data, f);
    fclose(f);
    chmod(p, 0600);
    if (path_out) *path_out = p;
    else free(p);
    return 0;
}

int tls_generate(server_t *s) {
    gnutls_x509_privkey_t cakey = NULL, skey = NULL, ckey = NULL;
    gnutls_x509_crt_t ca = NULL, srv = NULL, cli = NULL;
    gnutls_datum_t d = {NULL, 0};
    int rc = -1;
    unsigned serial = (unsigned)time(NULL);
    if (new_key(&cakey) || new_key(&skey) || new_key(&ckey)) goto out;

    if (base_crt(&ca, cakey, "kc-apiserver-ca", NULL, serial)) goto out;
    gnutls_x509_crt_set_basic_constraints(ca, 1, -1);
    gnutls_x509_crt_set_key_usage(ca, GNUTLS_KEY_KEY_CERT_SIGN | GNUTLS_KEY_CRL_SIGN |
                                          GNUTLS_KEY_DIGITAL_SIGNATURE);
    if (gnutls_x509_crt_sign2(ca, ca, cakey, GNUTLS_DIG_SHA256, 0) < 0) goto out;

    if (base_crt(&srv, skey, "kc-apiserver", NULL, serial + 1)) goto out;
    gnutls_x509_crt_set_basic_constraints(srv, 0, -1);
    gnutls_x509_crt_set_key_usage(srv, GNUTLS_KEY_DIGITAL_SIGNATURE | GNUTLS_KEY_KEY_ENCIPHERMENT);
    gnutls_x509_crt_set_key_purpose_oid(srv, GNUTLS_KP_TLS_WWW_SERVER, 0);
    unsigned char lo4[4] = {127, 0, 0, 1};
    unsigned char lo6[16] = {0};
    lo6[15] = 1;
    gnutls_x509_crt_set_subject_alt_name(srv, GNUTLS_SAN_DNSNAME, "localhost", 9, GNUTLS_FSAN_APPEND);
    gnutls_x509_crt_set_subject_alt_name(srv, GNUTLS_SAN_IPADDRESS, lo4, 4, GNUTLS_FSAN_APPEND);
    gnutls_x509_crt_set_subject_alt_name(srv, GNUTLS_SAN_IPADDRESS, lo6, 16, GNUTLS_FSAN_APPEND);
    if (gnutls_x509_crt_sign2(srv, ca, cakey, GNUTLS_DIG_SHA256, 0) < 0) goto out;

    if (base_crt(&cli, ckey, "kc-admin", "system:masters", serial + 2)) goto out;
    gnutls_x509_crt_set_basic_constraints(cli, 0, -1);
    gnutls_x509_crt_set_key_usage(cli, GNUTLS_KEY_DIGITAL_SIGNATURE | GNUTLS_KEY_KEY_ENCIPHERMENT);
    gnutls_x509_crt_set_key_purpose_oid(cli, GNUTLS_KP_TLS_WWW_CLIENT, 0);
    if (gnutls_x509_crt_sign2(cli, ca, cakey, GNUTLS_DIG_SHA256, 0) < 0) goto out;

    if (gnutls_x509_crt_export2(ca, GNUTLS_X509_FMT_PEM, &d) < 0) goto out;
    s->ca_pem = datum_str(&d);
    if (gnutls_x509_crt_export2(srv, GNUTLS_X509_FMT_PEM, &d) < 0) goto out;
    s->cert_pem = datum_str(&d);
    if (gnutls_x509_privkey_export2(skey, GNUTLS_X509_FMT_PEM, &d) < 0) goto out;
    s->key_pem = datum_str(&d);
    if (gnutls_x509_crt_export2(cli, GNUTLS_X509_FMT_PEM, &d) < 0) goto out;
    s->client_cert_pem = datum_str(&d);
    if (gnutls_x509_privkey_export2(ckey, GNUTLS_X509_FMT_PEM, &d) < 0) goto out;
    s->client_key_pem = datum_str(&d);

    if (write_file(s->cert_dir, "ca.crt", s->ca_pem, &s->ca_file) ||
        write_file(s->cert_dir, "apiserver.crt", s->cert_pem, NULL) ||
        write_file(s->cert_dir, "apiserver.key", s->key_pem, NULL) ||
        write_file(s->cert_dir, "admin.crt", s->client_cert_pem, NULL) ||
        write_file(s->cert_dir, "admin.key", s->client_key_pem, NULL))
        goto out;
    rc = 0;
out:
    if (ca) gnutls_x509_crt_deinit(ca);
    if (srv) gnutls_x509_crt_deinit(srv);
    if (cli) gnutls_x509_crt_deinit(cli);
    if (cakey) gnutls_x509_privkey_deinit(cakey);
    if (skey) gnutls_x509_privkey_deinit(skey);
    if (ckey) gnutls_x509_privkey_deinit(ckey);
    return rc;
}

static char *slurp(const char *path) {
    FILE *f = fopen(path, "r");
    if (!f) return NULL;
    buf_t b = {0};
    char tmp[4096];
    size_t n;
    while ((n = fread(tmp, 1, sizeof tmp, f)) > 0) buf_put(&b, tmp, n);
    fclose(f);
    return buf_steal(&b);
}

int tls_load(server_t *s) {
    s->ca_pem = slurp(s->opt.ca_cert_file);
    s->cert_pem = slurp(s->opt.cert_file);
    s->key_pem = slurp(s->opt.key_file);
    if (!s->ca_pem || !s->cert_pem || !s->key_pem) return -1;
    s->ca_file = strdup(s->opt.ca_cert_file);
    return 0;
}

/* 0: verified identity in *u; <0: no certificate; >0: a certificate that does not verify. */
int tls_peer_identity(struct MHD_Connection *c, const char *ca_pem, user_t *u) {
    (void)ca_pem;
    const union MHD_ConnectionInfo *ci =
        MHD_get_connection_info(c, MHD_CONNECTION_INFO_GNUTLS_SESSION);
    if (!ci || !ci->tls_session) return -1;
    gnutls_session_t sess = (gnutls_session_t)ci->tls_session;
    unsigned n = 0;
    const gnutls_datum_t *peers = gnutls_certificate_get_peers(sess, &n);
    if (!peers || !n) return -1;
    unsigned status = 0;
    if (gnutls_certificate_verify_peers2(sess, &status) < 0 || status) return 1;
    gnutls_x509_crt_t crt;
    if (gnutls_x509_crt_init(&crt) < 0) return 1;
    if (gnutls_x509_crt_import(crt, &peers[0], GNUTLS_X509_FMT_DER) < 0) {
        gnutls_x509_crt_deinit(crt);
        return 1;
    }
    size_t sz = sizeof u->name;
    if (gnutls_x509_crt_get_dn_by_oid(crt, GNUTLS_OID_X520_COMMON_NAME, 0, 0, u->name, &sz) < 0) {
        gnutls_x509_crt_deinit(crt);
        return 1;
    }
    u->groups[0] = 0;
    for (unsigned i = 0;; i++) {
        char o[128];
        size_t osz = sizeof o;
        if (gnutls_x509_crt_get_dn_by_oid(crt, GNUTLS_OID_X520_ORGANIZATION_NAME, i, 0, o, &osz) < 0)
            break;
        size_t len = strlen(u->groups);
        snprintf(u->groups + len, sizeof u->groups - len, "%s%s", len ? "," : "", o);
    }
    gnutls_x509_crt_deinit(crt);
    return 0;
}
