module lucid.example/tor-proxy-controller

go 1.24
