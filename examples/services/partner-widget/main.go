// Command partner-widget serves partner HTML snippets, escaped, for the storefront.
package main

import (
	"html/template"
	"log"
	"net/http"
)

var page = template.Must(template.New("widget").Parse(`<div class="partner">{{.}}</div>`))

func main() {
	http.HandleFunc("GET /widget", func(w http.ResponseWriter, r *http.Request) {
		// html/template escapes the partner's text: it is shown, never run.
		if err := page.Execute(w, r.URL.Query().Get("snippet")); err != nil {
			log.Print(err)
		}
	})
	log.Fatal(http.ListenAndServe(":8080", nil))
}
