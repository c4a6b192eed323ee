/* A named number for the slides ({{id.m.NAME}}) from a C snippet: the C side of
 * deckgen_trace.metric(). deckgen reads DECKGEN_OUT_DIR/metrics-<pid>.json after
 * the run; run by hand (no DECKGEN_OUT_DIR) it does nothing. One call per
 * process: the file holds the metrics given in that call. */
#ifndef C_METRIC_H
#define C_METRIC_H
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

struct c_metric { const char *name; double value; const char *unit; };

static void c_metrics_write(const struct c_metric *metrics, int count) {
    const char *dir = getenv("DECKGEN_OUT_DIR");
    if (!dir || !*dir)
        return;
    char path[4096];
    snprintf(path, sizeof path, "%s/metrics-%ld.json", dir, (long)getpid());
    FILE *out = fopen(path, "w");
    if (!out) {
        perror(path);
        return;
    }
    fputs("{\"metrics\":{", out);
    for (int i = 0; i < count; ++i)
        fprintf(out, "%s\"%s\":{\"value\":%.17g,\"unit\":\"%s\"}", i ? "," : "",
                metrics[i].name, metrics[i].value, metrics[i].unit);
    fputs("}}\n", out);
    fclose(out);
}
#endif
