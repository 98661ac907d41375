import com.sun.tools.attach.VirtualMachine;

/**
 * Loads a native agent into a running JVM: {@code java bench/Attach.java PID LIBRARY OPTIONS}. bench/cast.sh uses it to
 * start and stop async-profiler around the measured run; jcmd's JVMTI.agent_load would split the options at '='.
 */
public class Attach {
    public static void main(String[] args) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(args[0]);
        try {
            vm.loadAgentPath(args[1], args[2]);
        } finally {
            vm.detach();
        }
    }
}
