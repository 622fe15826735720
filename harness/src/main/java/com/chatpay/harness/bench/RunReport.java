package com.chatpay.harness.bench;

import com.chatpay.harness.load.LoadResult;

/**
 * One measured run of the bench: what the load saw, what each process used meanwhile, and the machine's load
 * average before and after (other work on the machine shows there: figures taken under a high load are suspect).
 */
public record RunReport(String label, LoadResult load, ProcessSampler.Figures usage, double loadBefore,
        double loadAfter) {

    /** The promise: at most 1 % of payments over 1 s end to end, and no error. */
    public boolean keptPromise() {
        return load.errorCount() == 0 && load.shareOver(java.time.Duration.ofSeconds(1)) <= 0.01;
    }
}
