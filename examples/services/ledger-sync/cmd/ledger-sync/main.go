// Command ledger-sync copies settled payments into the general ledger.
package main

import (
	"context"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"time"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()

	ledgerHost := getenv("LEDGER_HOST", "ledger.finance.svc.cluster.local")
	ticker := time.NewTicker(5 * time.Minute)
	defer ticker.Stop()
	for {
		// The net package's cgo resolver is what ties this binary to glibc when cgo is on.
		addrs, err := net.DefaultResolver.LookupHost(ctx, ledgerHost)
		if err != nil {
			log.Printf("resolve %s: %v", ledgerHost, err)
		} else {
			syncOnce(ctx, addrs[0])
		}
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
		}
	}
}

func syncOnce(ctx context.Context, addr string) {
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, "http://"+addr+"/v1/batches", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		log.Printf("sync: %v", err)
		return
	}
	resp.Body.Close()
	log.Printf("sync: %s", resp.Status)
}

func getenv(key, fallback string) string {
	if value := os.Getenv(key); value != "" {
		return value
	}
	return fallback
}
