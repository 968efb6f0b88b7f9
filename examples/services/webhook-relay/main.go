// Command webhook-relay accepts vendor webhooks and forwards them to the event bus.
package main

import (
	"bytes"
	"io"
	"log"
	"net/http"
	"os"
)

func main() {
	bus := os.Getenv("EVENT_BUS_URL")
	http.HandleFunc("POST /hooks/{vendor}", func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
		if err != nil {
			http.Error(w, "unreadable body", http.StatusBadRequest)
			return
		}
		resp, err := http.Post(bus+"/topics/webhooks."+r.PathValue("vendor"), "application/json", bytes.NewReader(body))
		if err != nil {
			http.Error(w, "event bus unavailable", http.StatusBadGateway)
			return
		}
		resp.Body.Close()
		w.WriteHeader(http.StatusAccepted)
	})
	log.Fatal(http.ListenAndServe(":8080", nil))
}
