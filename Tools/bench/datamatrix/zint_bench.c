/* zint baseline for Tools/bench/datamatrix/run: same payloads, Data Matrix, square only (DM_SQUARE).
 * usage: zint_bench throughput <hex file> <seconds>   -> encodes_per_second=… size=…
 *        zint_bench sizes <corpus file>               -> "<kind> <side> <data codewords>" per line
 * zint 2.11 has no C40-header option, so it always runs its default (minimal) encodation. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <fcntl.h>
#include <zint.h>

static size_t from_hex(const char *hex, unsigned char *out, size_t max) {
    size_t n = 0;
    while (hex[0] && hex[1] && hex[0] != '\n' && n < max) {
        unsigned int byte;
        if (sscanf(hex, "%2x", &byte) != 1) break;
        out[n++] = (unsigned char)byte;
        hex += 2;
    }
    return n;
}

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

static struct zint_symbol *make(void) {
    struct zint_symbol *symbol = ZBarcode_Create();
    symbol->symbology = BARCODE_DATAMATRIX;
    symbol->option_3 = DM_SQUARE;
    symbol->input_mode = DATA_MODE;
    return symbol;
}

/* zint prints its codewords ("Data (N):") only in debug mode, to stdout: capture them through a temporary file. */
static int data_codewords(const unsigned char *data, size_t length, int *side) {
    char path[] = "/tmp/zint-bench-XXXXXX";
    int fd = mkstemp(path), saved = dup(1), count = -1;
    fflush(stdout);
    dup2(fd, 1);
    struct zint_symbol *symbol = make();
    symbol->debug = 1;
    ZBarcode_Encode(symbol, data, (int)length);
    fflush(stdout);
    dup2(saved, 1);
    close(saved);
    *side = symbol->rows;
    ZBarcode_Delete(symbol);
    FILE *file = fopen(path, "r");
    char line[65536];
    while (file && fgets(line, sizeof line, file)) {
        if (strncmp(line, "Data (", 6) == 0) count = atoi(line + 6);
    }
    if (file) fclose(file);
    close(fd);
    unlink(path);
    return count;
}

int main(int argc, char **argv) {
    static unsigned char data[8192];
    static char line[20000];
    if (argc < 3) return 2;
    FILE *input = fopen(argv[2], "r");
    if (!input) return 2;
    if (strcmp(argv[1], "throughput") == 0) {
        double seconds = argc > 3 ? atof(argv[3]) : 2.0;
        if (!fgets(line, sizeof line, input)) return 2;
        size_t length = from_hex(line, data, sizeof data);
        struct zint_symbol *symbol = make();
        long count = 0;
        int side = 0;
        double start = now(), elapsed = 0;
        while (elapsed < seconds) {
            for (int i = 0; i < 50; i++) {
                ZBarcode_Clear(symbol);
                if (ZBarcode_Encode(symbol, data, (int)length) >= ZINT_ERROR) return 1;
                side = symbol->rows;
            }
            count += 50;
            elapsed = now() - start;
        }
        printf("encodes_per_second=%ld size=%dx%d\n", (long)(count / elapsed), side, side);
        ZBarcode_Delete(symbol);
    } else {
        while (fgets(line, sizeof line, input)) {
            char *space = strchr(line, ' ');
            if (!space) continue;
            *space = 0;
            int side = 0;
            int count = data_codewords(data, from_hex(space + 1, data, sizeof data), &side);
            printf("%s %d %d\n", line, side, count);
        }
    }
    fclose(input);
    return 0;
}
