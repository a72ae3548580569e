module lucid.example/tor-proxy

go 1.24
